// libFuzzer target: the DOCX, ODT and EPUB readers. Input that starts like a zip goes to each
// reader as it is (damaged archives, odd member names); any other input is XML put where each
// reader looks for its text, so the fuzzer reaches the XML walks without having to build zips.
#include "../unit/zip_writer.h"
#include "fuzz_check.h"
#include "parse/docx_reader.h"
#include "parse/epub_reader.h"
#include "parse/odt_reader.h"

#include <cstddef>
#include <cstdint>
#include <limits>
#include <string>
#include <string_view>

namespace {

using kosh::test::make_zip;
using kosh::test::ZipCompression;

const std::string k_container = R"(<container><rootfiles><rootfile full-path="OPS/book.opf"/></rootfiles></container>)";
const std::string k_opf = R"(<package><metadata><title>Fuzz</title></metadata><manifest>
  <item id="n" href="nav.xhtml" media-type="application/xhtml+xml" properties="nav"/>
  <item id="c" href="c%201.xhtml" media-type="application/xhtml+xml"/></manifest>
  <spine><itemref idref="n"/><itemref idref="c"/></spine></package>)";

void check(const kosh::Expected<kosh::Document>& document)
{
    if (!document) {
        KOSH_FUZZ_CHECK(!document.error().empty());
        KOSH_FUZZ_CHECK(document.error().find('\n') == std::string::npos);
        return;
    }
    kosh::fuzz::check_document(*document, std::numeric_limits<int>::max() / 2);
    int previous = 1;
    for (const int start : document->chapter_starts) {
        KOSH_FUZZ_CHECK(previous <= start);
        previous = start;
    }
}

void read_all(std::string_view bytes)
{
    // Small limits keep each run quick; the limit's own path is the same at any size.
    const kosh::ZipLimits limits{std::size_t{4} << 20, std::size_t{8} << 20};
    check(kosh::parse_docx(bytes, "input.docx", limits));
    check(kosh::parse_odt(bytes, "input.odt", limits));
    check(kosh::parse_epub(bytes, "input.epub", limits));
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size)
{
    const std::string input(reinterpret_cast<const char*>(data), size);
    if (input.starts_with("PK")) {
        read_all(input);
        return 0;
    }
    read_all(make_zip({{"word/document.xml", input}, {"word/styles.xml", input}}, ZipCompression::store));
    read_all(make_zip({{"content.xml", input}, {"styles.xml", input}}, ZipCompression::store));
    read_all(make_zip({{"META-INF/container.xml", k_container},
                       {"OPS/book.opf", k_opf},
                       {"OPS/nav.xhtml", input},
                       {"OPS/c 1.xhtml", input}},
                      ZipCompression::store));
    return 0;
}
