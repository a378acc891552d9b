// @file plain_xapian.cpp
// @brief The speed baseline: Xapian used plainly, one document per blank-line paragraph.
//
// bench/speed compares kosh against this program, so it does only what the Xapian documentation's
// simpleindex/simplesearch examples do, with no tuning: TermGenerator with the English stemmer and
// positions, default flush settings, one commit; QueryParser with OR and get_mset(0, 10). It is
// built by bench/speed, not by the main CMake build:
//
//   g++ -O2 -std=c++20 bench/plain_xapian.cpp -o plain_xapian $(pkg-config --cflags --libs xapian-core)
//
//   plain_xapian index DBDIR CORPUSDIR      index every regular file below CORPUSDIR
//   plain_xapian batch DBDIR QUESTIONFILE   answer each line, in one process
//   plain_xapian ask DBDIR QUESTION         answer one question

#include <xapian.h>

#include <algorithm>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <sstream>
#include <string>
#include <vector>

namespace fs = std::filesystem;

namespace {

bool is_blank(const std::string& line)
{
    return line.find_first_not_of(" \t\r\f\v") == std::string::npos;
}

/// Index one paragraph as its own document, filterable by the file it came from.
void add_paragraph(Xapian::WritableDatabase& db, Xapian::TermGenerator& gen, const std::string& text,
                   const std::string& path_term)
{
    Xapian::Document doc;
    doc.set_data(text);
    gen.set_document(doc);
    gen.index_text(text);
    doc.add_boolean_term(path_term);
    db.add_document(doc);
}

int index_corpus(const std::string& dbdir, const std::string& corpus)
{
    std::vector<fs::path> files;
    for (const auto& entry : fs::recursive_directory_iterator(corpus))
        if (entry.is_regular_file())
            files.push_back(entry.path());
    std::sort(files.begin(), files.end());

    Xapian::WritableDatabase db(dbdir, Xapian::DB_CREATE_OR_OVERWRITE);
    Xapian::TermGenerator gen;
    gen.set_stemmer(Xapian::Stem("english"));
    std::size_t paragraphs = 0;
    for (const auto& file : files) {
        std::ifstream in(file, std::ios::binary);
        // Xapian terms are limited to 245 bytes; a deep path must not abort the run.
        std::string path_term = "P" + file.string();
        if (path_term.size() > 240)
            path_term.resize(240);
        std::string line, para;
        while (std::getline(in, line)) {
            if (is_blank(line)) {
                if (!para.empty())
                    add_paragraph(db, gen, para, path_term), ++paragraphs, para.clear();
            } else {
                para += line;
                para += '\n';
            }
        }
        if (!para.empty())
            add_paragraph(db, gen, para, path_term), ++paragraphs;
    }
    db.commit();
    std::printf("%zu files, %zu paragraphs\n", files.size(), paragraphs);
    return 0;
}

/// Run one question and read each hit's data, as a tool that prints its results would.
std::size_t answer(Xapian::Enquire& enquire, Xapian::QueryParser& qp, const std::string& question)
{
    enquire.set_query(qp.parse_query(question));
    Xapian::MSet mset = enquire.get_mset(0, 10);
    std::size_t bytes = 0;
    for (auto it = mset.begin(); it != mset.end(); ++it)
        bytes += it.get_document().get_data().size();
    return bytes;
}

int run_questions(const std::string& dbdir, const std::vector<std::string>& questions)
{
    Xapian::Database db(dbdir);
    Xapian::Enquire enquire(db);
    Xapian::QueryParser qp;
    qp.set_stemmer(Xapian::Stem("english"));
    qp.set_stemming_strategy(Xapian::QueryParser::STEM_SOME);
    qp.set_default_op(Xapian::Query::OP_OR);
    qp.set_database(db);
    std::size_t answered = 0, bytes = 0;
    for (const auto& q : questions) {
        if (is_blank(q))
            continue;
        bytes += answer(enquire, qp, q);
        ++answered;
    }
    std::printf("%zu questions answered (%zu bytes of results read)\n", answered, bytes);
    return 0;
}

} // namespace

int main(int argc, char** argv)
{
    if (argc != 4) {
        std::fprintf(stderr, "usage: plain_xapian index DBDIR CORPUSDIR\n"
                             "       plain_xapian batch DBDIR QUESTIONFILE\n"
                             "       plain_xapian ask DBDIR QUESTION\n");
        return 2;
    }
    const std::string mode = argv[1];
    try {
        if (mode == "index")
            return index_corpus(argv[2], argv[3]);
        if (mode == "ask")
            return run_questions(argv[2], {argv[3]});
        if (mode == "batch") {
            std::ifstream in(argv[3]);
            if (!in) {
                std::fprintf(stderr, "plain_xapian: cannot read %s\n", argv[3]);
                return 2;
            }
            std::vector<std::string> questions;
            for (std::string line; std::getline(in, line);)
                questions.push_back(line);
            return run_questions(argv[2], questions);
        }
    } catch (const Xapian::Error& e) {
        std::fprintf(stderr, "plain_xapian: %s\n", e.get_description().c_str());
        return 1;
    } catch (const std::exception& e) {
        std::fprintf(stderr, "plain_xapian: %s\n", e.what());
        return 1;
    }
    std::fprintf(stderr, "plain_xapian: unknown mode %s\n", mode.c_str());
    return 2;
}
