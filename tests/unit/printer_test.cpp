// Tests for choosing an output format and its printer.
#include "output/printer.h"

#include "output/human_printer.h"
#include "output/jsonl_printer.h"
#include "output/tsv_printer.h"

#include <catch2/catch.hpp>

#include <sstream>

TEST_CASE("parse_output_format knows text, json and tsv", "[output]")
{
    CHECK(kosh::parse_output_format("text") == kosh::OutputFormat::text);
    CHECK(kosh::parse_output_format("json") == kosh::OutputFormat::json);
    CHECK(kosh::parse_output_format("tsv") == kosh::OutputFormat::tsv);
    for (const char* name : {"", "TEXT", "jsonl", "csv", "json "}) {
        INFO("name='" << name << "'");
        CHECK_FALSE(kosh::parse_output_format(name).has_value());
    }
}

TEST_CASE("make_printer builds the printer for the format", "[output]")
{
    std::ostringstream out;
    kosh::PrinterOptions options;
    options.format = kosh::OutputFormat::text;
    CHECK(dynamic_cast<kosh::HumanPrinter*>(kosh::make_printer(out, options).get()) != nullptr);
    options.format = kosh::OutputFormat::json;
    CHECK(dynamic_cast<kosh::JsonlPrinter*>(kosh::make_printer(out, options).get()) != nullptr);
    options.format = kosh::OutputFormat::tsv;
    CHECK(dynamic_cast<kosh::TsvPrinter*>(kosh::make_printer(out, options).get()) != nullptr);
}
