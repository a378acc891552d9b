// Compares kosh's Markdown reader with a cmark-based one (see bench/markdown_parser/run).
//
//   probe structure FILE...   one JSON line per file: the headings and top-level blocks each
//                             reader finds, with line numbers
//   probe speed FILE...       MB/s of each reader over the files, read into memory first
//
// The cmark side is a prototype of what kosh would do with cmark: parse with source positions,
// take each top-level heading (its text without images or raw HTML) and each top-level block
// (paragraph, list item, block quote, code, HTML block) as kosh takes them, with the code
// fences' own lines left out.
#include "parse/markdown_parser.h"

#include <cmark.h>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <fstream>
#include <iostream>
#include <sstream>
#include <string>
#include <string_view>
#include <vector>

namespace {

struct Block {
    int first = 0;
    int last = 0;
    const char* kind = "block"; // "html": kosh drops it when it holds no text; "fenced": exact lines
};

struct HeadingFound {
    std::string text;
    int level = 0;
    int line = 0;
};

struct Structure {
    std::vector<HeadingFound> headings;
    std::vector<Block> blocks;
    std::vector<std::string> block_texts;
};

std::string read_all(const char* path)
{
    std::ifstream in(path, std::ios::binary);
    std::ostringstream out;
    out << in.rdbuf();
    return out.str();
}

/// The text a reader sees in a heading: text and code literals, breaks as spaces; images and raw
/// HTML left out, as kosh leaves them out.
std::string heading_text(cmark_node* heading)
{
    std::string text;
    cmark_iter* iter = cmark_iter_new(heading);
    int skip_depth = 0;
    for (cmark_event_type event; (event = cmark_iter_next(iter)) != CMARK_EVENT_DONE;) {
        cmark_node* node = cmark_iter_get_node(iter);
        const cmark_node_type type = cmark_node_get_type(node);
        if (type == CMARK_NODE_IMAGE) {
            skip_depth += event == CMARK_EVENT_ENTER ? 1 : -1;
            continue;
        }
        if (skip_depth > 0 || event != CMARK_EVENT_ENTER) {
            continue;
        }
        if (type == CMARK_NODE_TEXT || type == CMARK_NODE_CODE) {
            text += cmark_node_get_literal(node);
        } else if (type == CMARK_NODE_SOFTBREAK || type == CMARK_NODE_LINEBREAK) {
            text += ' ';
        }
    }
    cmark_iter_free(iter);
    return text;
}

std::vector<std::string_view> split_lines(std::string_view text)
{
    std::vector<std::string_view> lines;
    std::size_t start = 0;
    while (start < text.size()) {
        std::size_t end = text.find('\n', start);
        if (end == std::string_view::npos) {
            end = text.size();
        }
        lines.push_back(text.substr(start, end - start));
        start = end + 1;
    }
    return lines;
}

bool opens_fence(std::string_view line)
{
    std::size_t i = 0;
    while (i < line.size() && i < 3 && line[i] == ' ') {
        ++i;
    }
    return line.substr(i, 3) == "```" || line.substr(i, 3) == "~~~";
}

/// The block's lines joined, as kosh keeps a paragraph's text (for the speed comparison).
std::string lines_text(const std::vector<std::string_view>& lines, int first, int last)
{
    std::string text;
    for (int i = first; i <= last && i <= static_cast<int>(lines.size()); ++i) {
        text += lines[static_cast<std::size_t>(i - 1)];
        text += i < last ? "\n" : "";
    }
    return text;
}

Structure cmark_structure(std::string_view text)
{
    Structure structure;
    cmark_node* document = cmark_parse_document(text.data(), text.size(), CMARK_OPT_SOURCEPOS);
    const std::vector<std::string_view> lines = split_lines(text);
    const auto add_block = [&](int first, int last, const char* kind = "block") {
        structure.blocks.push_back({first, last, kind});
        structure.block_texts.push_back(lines_text(lines, first, last));
    };
    for (cmark_node* node = cmark_node_first_child(document); node; node = cmark_node_next(node)) {
        const int first = cmark_node_get_start_line(node);
        const int last = cmark_node_get_end_line(node);
        switch (cmark_node_get_type(node)) {
        case CMARK_NODE_HEADING:
            structure.headings.push_back({heading_text(node), cmark_node_get_heading_level(node), first});
            break;
        case CMARK_NODE_THEMATIC_BREAK: break;
        case CMARK_NODE_LIST:
            for (cmark_node* item = cmark_node_first_child(node); item; item = cmark_node_next(item)) {
                add_block(cmark_node_get_start_line(item), cmark_node_get_end_line(item));
            }
            break;
        case CMARK_NODE_CODE_BLOCK: {
            const bool fenced = first >= 1 && first <= static_cast<int>(lines.size()) &&
                                opens_fence(lines[static_cast<std::size_t>(first - 1)]);
            if (!fenced) {
                add_block(first, last);
                break;
            }
            const std::string_view literal = cmark_node_get_literal(node);
            const auto content_lines = static_cast<int>(std::count(literal.begin(), literal.end(), '\n'));
            if (content_lines > 0) {
                add_block(first + 1, first + content_lines, "fenced");
            }
            break;
        }
        case CMARK_NODE_HTML_BLOCK: add_block(first, last, "html"); break;
        default: add_block(first, last); break;
        }
    }
    cmark_node_free(document);
    return structure;
}

/// Raw Markdown levels are not kept by kosh, so both sides are compared on kosh's levels: the
/// same rule is applied to cmark's headings in the comparing script.
Structure kosh_structure(std::string_view text)
{
    Structure structure;
    const kosh::Document document = kosh::parse_markdown(text, "probe.md");
    for (const kosh::Heading& heading : document.headings) {
        structure.headings.push_back({heading.text, heading.level, heading.line});
    }
    for (const kosh::Paragraph& paragraph : document.paragraphs) {
        structure.blocks.push_back({paragraph.first_line, paragraph.last_line});
    }
    return structure;
}

void print_json_string(std::string_view text)
{
    std::cout << '"';
    for (const char c : text) {
        const auto u = static_cast<unsigned char>(c);
        if (c == '"' || c == '\\') {
            std::cout << '\\' << c;
        } else if (u < 0x20) {
            char buffer[8];
            std::snprintf(buffer, sizeof buffer, "\\u%04x", u);
            std::cout << buffer;
        } else {
            std::cout << c;
        }
    }
    std::cout << '"';
}

void print_structure(const Structure& structure)
{
    std::cout << "{\"headings\":[";
    for (std::size_t i = 0; i < structure.headings.size(); ++i) {
        const HeadingFound& heading = structure.headings[i];
        std::cout << (i ? "," : "") << "[" << heading.level << ",";
        print_json_string(heading.text);
        std::cout << "," << heading.line << "]";
    }
    std::cout << "],\"blocks\":[";
    for (std::size_t i = 0; i < structure.blocks.size(); ++i) {
        const Block& block = structure.blocks[i];
        std::cout << (i ? "," : "") << "[" << block.first << "," << block.last << ",\"" << block.kind << "\"]";
    }
    std::cout << "]}";
}

int run_structure(int argc, char** argv)
{
    for (int i = 2; i < argc; ++i) {
        const std::string text = read_all(argv[i]);
        std::cout << "{\"file\":";
        print_json_string(argv[i]);
        std::cout << ",\"kosh\":";
        print_structure(kosh_structure(text));
        std::cout << ",\"cmark\":";
        print_structure(cmark_structure(text));
        std::cout << "}\n";
    }
    return 0;
}

template <typename Parse>
double seconds_for(const std::vector<std::string>& texts, Parse parse, std::size_t& sink)
{
    const auto start = std::chrono::steady_clock::now();
    for (const std::string& text : texts) {
        sink += parse(text);
    }
    return std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
}

int run_speed(int argc, char** argv)
{
    std::vector<std::string> texts;
    double bytes = 0;
    for (int i = 2; i < argc; ++i) {
        texts.push_back(read_all(argv[i]));
        bytes += static_cast<double>(texts.back().size());
    }
    std::size_t sink = 0;
    const auto kosh_parse = [](const std::string& text) {
        const kosh::Document document = kosh::parse_markdown(text, "speed.md");
        return document.headings.size() + document.paragraphs.size();
    };
    const auto cmark_parse = [](const std::string& text) {
        const Structure structure = cmark_structure(text);
        return structure.headings.size() + structure.blocks.size();
    };
    // Best of five, alternating, so a busy spell of the machine falls on both.
    double kosh_best = 1e30;
    double cmark_best = 1e30;
    for (int round = 0; round < 5; ++round) {
        kosh_best = std::min(kosh_best, seconds_for(texts, kosh_parse, sink));
        cmark_best = std::min(cmark_best, seconds_for(texts, cmark_parse, sink));
    }
    const double mb = bytes / 1e6;
    std::printf("{\"files\": %zu, \"mb\": %.3f, \"kosh_mb_per_s\": %.1f, \"cmark_mb_per_s\": %.1f, \"sink\": %zu}\n",
                texts.size(), mb, mb / kosh_best, mb / cmark_best, sink % 10);
    return 0;
}

} // namespace

int main(int argc, char** argv)
{
    const std::string_view mode = argc > 1 ? argv[1] : "";
    if (mode == "structure") {
        return run_structure(argc, argv);
    }
    if (mode == "speed") {
        return run_speed(argc, argv);
    }
    std::cerr << "usage: probe structure|speed FILE...\n";
    return 2;
}
