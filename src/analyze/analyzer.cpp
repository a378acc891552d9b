// The analysis pipeline used alike at index and query time: tokenize -> normalize -> stem.
#include "analyze/analyzer.h"

namespace kosh {

std::vector<AnalyzedToken> Analyzer::analyze(std::string_view text)
{
    std::vector<AnalyzedToken> analyzed;
    for (Token& token : tokenize(text)) {
        std::string stem = m_stemmer.stem(token.term);
        analyzed.push_back(AnalyzedToken{std::move(token), std::move(stem)});
    }
    return analyzed;
}

} // namespace kosh
