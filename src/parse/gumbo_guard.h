// Runs gumbo so that an internal check failing inside it does not end the process.
//
// gumbo 0.10.1 as Debian builds it keeps its assert()s, and a few inputs fail one (a CDATA
// section of MathML inside a table, for one). The parse is then abandoned: the failed assert
// returns here instead of aborting, and every block gumbo had allocated is freed.
#pragma once

#include <gumbo.h>

#include <memory>
#include <string_view>

namespace kosh {

/// Owns one parse: gumbo's output and every allocation made for it.
class GumboParse {
public:
    /// Parses `html` (which must outlive this object: the tree points into it).
    explicit GumboParse(std::string_view html);
    ~GumboParse();
    GumboParse(const GumboParse&) = delete;
    GumboParse& operator=(const GumboParse&) = delete;

    /// The parsed tree, or nullptr when gumbo gave up on this input.
    [[nodiscard]] const GumboOutput* output() const { return m_output; }

private:
    struct Allocations;
    std::unique_ptr<Allocations> m_allocations;
    GumboOptions m_options;
    GumboOutput* m_output = nullptr;
};

} // namespace kosh
