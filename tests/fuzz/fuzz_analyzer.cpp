// libFuzzer target: tokenize, identifier_tokens, normalize_word and the English Analyzer on
// arbitrary bytes.
#include "analyze/analyzer.h"
#include "analyze/identifiers.h"
#include "analyze/normalizer.h"
#include "analyze/tokenizer.h"
#include "fuzz_check.h"

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size)
{
    const std::string_view text(reinterpret_cast<const char*>(data), size);
    // One analyzer for the whole run, as the indexer keeps one: its stem cache carries over.
    static kosh::Analyzer analyzer("english");

    const std::vector<kosh::Token> tokens = kosh::tokenize(text);
    std::size_t previous_end = 0;
    for (std::size_t i = 0; i < tokens.size(); ++i) {
        const kosh::Token& token = tokens[i];
        KOSH_FUZZ_CHECK(token.begin < token.end);
        KOSH_FUZZ_CHECK(token.end <= text.size());
        KOSH_FUZZ_CHECK(previous_end <= token.begin); // sorted and disjoint
        KOSH_FUZZ_CHECK(token.position == i);         // positions count words, for phrase search
        // The indexer adds the term to Xapian, which refuses empty term names.
        KOSH_FUZZ_CHECK(!token.term.empty());
        previous_end = token.end;
    }

    // Identifiers are indexed beside the words, at the position of a word inside them.
    std::size_t identifier_end = 0;
    for (const kosh::Token& identifier : kosh::identifier_tokens(text, tokens)) {
        KOSH_FUZZ_CHECK(identifier.begin < identifier.end && identifier.end <= text.size());
        KOSH_FUZZ_CHECK(identifier_end <= identifier.begin); // in order, not overlapping
        KOSH_FUZZ_CHECK(!identifier.term.empty());
        KOSH_FUZZ_CHECK(identifier.position < tokens.size());
        const kosh::Token& first = tokens[identifier.position];
        KOSH_FUZZ_CHECK(identifier.begin <= first.begin && first.begin < identifier.end);
        identifier_end = identifier.end;
    }

    const std::vector<kosh::AnalyzedToken> analyzed = analyzer.analyze(text);
    KOSH_FUZZ_CHECK(analyzed.size() == tokens.size());
    for (std::size_t i = 0; i < analyzed.size(); ++i) {
        KOSH_FUZZ_CHECK(analyzed[i].token.begin == tokens[i].begin);
        KOSH_FUZZ_CHECK(analyzed[i].token.end == tokens[i].end);
        KOSH_FUZZ_CHECK(analyzed[i].token.term == tokens[i].term);
    }

    // normalize_word is also called on whole query words, which need not be tokenizer words.
    (void)kosh::normalize_word(text);
    return 0;
}
