// The analysis pipeline used alike at index and query time: tokenize -> normalize -> stem.
#pragma once

#include "analyze/stem_initials.h"
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
    [[nodiscard]] const std::string& stem(const std::string& normalized_word)
    {
        return m_stemmer.stem(normalized_word);
    }
    [[nodiscard]] const std::string& language() const { return m_stemmer.language(); }

    /// The word's stem, or an empty string when its first letter rules out every stem of `wanted`
    /// (judged only where the stemmer keeps first letters): for callers that compare stems with a
    /// few wanted ones, and would otherwise stem, for the first time, many words of no interest.
    [[nodiscard]] const std::string& stem_among(const std::string& normalized_word, const StemInitials& wanted)
    {
        static const std::string ruled_out;
        if (m_stemmer.keeps_first_letter() && !wanted.may_stem_to_one(normalized_word)) {
            return ruled_out;
        }
        return m_stemmer.stem(normalized_word);
    }

private:
    Stemmer m_stemmer;
};

} // namespace kosh
