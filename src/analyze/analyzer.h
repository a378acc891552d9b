// The analysis pipeline used alike at index and query time: tokenize -> normalize -> stem.
#pragma once

#include "analyze/stemmer.h"
#include "analyze/tokenizer.h"

#include <string>
#include <string_view>
#include <vector>

namespace kosh {

/// A token with its stem beside it.
struct AnalyzedToken {
    Token token;
    std::string stem;
};

class Analyzer {
public:
    explicit Analyzer(const std::string& language) : m_stemmer(language) {}

    [[nodiscard]] std::vector<AnalyzedToken> analyze(std::string_view text);
    [[nodiscard]] const std::string& stem(const std::string& normalized_word) { return m_stemmer.stem(normalized_word); }
    [[nodiscard]] const std::string& language() const { return m_stemmer.language(); }
    [[nodiscard]] bool stems_keep_first_letter() const { return m_stemmer.keeps_first_letter(); }

private:
    Stemmer m_stemmer;
};

} // namespace kosh
