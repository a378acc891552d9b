// Forms of one English word that stemming cannot join.
#include "analyze/word_families.h"

#include <algorithm>
#include <array>

namespace kosh {

namespace {

// One family per entry, base form first, as the English stemmer leaves each word ("fly flew
// flown" is "fli flew flown"): stems, so that no word is stemmed at start-up. The words
// themselves are in tests/unit/word_families_test.cpp, which checks that they stem to these.
// Left out: forms that are also common words of another meaning ("found" and "find" against
// "to found"; "saw", "rose", "left", "bound", "lay", "lead", "mean" and "meant", "felt", "lent",
// "fed", "sat", "ring", "sink", "stick", "tear"), and forms that stemming already joins
// ("walked", "died").
constexpr auto k_english_families = std::to_array<std::string_view>({
    "aris aros arisen",
    "awak awok awoken",
    "becom becam",
    "begin began begun",
    "bend bent",
    "bleed bled",
    "blow blew blown",
    "break broke broken",
    "breed bred",
    "bring brought",
    "build built",
    "buy bought",
    "catch caught",
    "choos chose chosen",
    "come came",
    "creep crept",
    "deal dealt",
    "dig dug",
    "draw drew drawn",
    "drink drank drunk",
    "drive drove driven",
    "eat ate eaten",
    "fall fell fallen",
    "fight fought",
    "flee fled",
    "fli flew flown",
    "forbid forbad forbidden",
    "forget forgot forgotten",
    "forgiv forgav forgiven",
    "freez froze frozen",
    "get got gotten",
    "give gave given",
    "go went gone",
    "grow grew grown",
    "hang hung",
    "hear heard",
    "hide hid hidden",
    "hold held",
    "keep kept",
    "kneel knelt",
    "know knew known",
    "lose lost",
    "make made",
    "meet met",
    "pay paid",
    "ride rode ridden",
    "run ran",
    "say said",
    "see seen",
    "seek sought",
    "sell sold",
    "send sent",
    "shake shook shaken",
    "shine shone",
    "shoot shot",
    "show shown",
    "shrink shrank shrunk",
    "sing sang sung",
    "sleep slept",
    "slide slid",
    "speak spoke spoken",
    "spend spent",
    "spin spun",
    "stand stood",
    "steal stole stolen",
    "sting stung",
    "strike struck stricken",
    "swear swore sworn",
    "sweep swept",
    "swim swam swum",
    "swing swung",
    "take took taken",
    "teach taught",
    "tell told",
    "think thought",
    "throw threw thrown",
    "understand understood",
    "wake woke woken",
    "wear wore worn",
    "weav wove woven",
    "win won",
    "write wrote written",
    "die death dead",
    "birth born",
});

constexpr std::size_t count_stems()
{
    std::size_t count = 0;
    for (const std::string_view family : k_english_families) {
        count += static_cast<std::size_t>(std::count(family.begin(), family.end(), ' ')) + 1;
    }
    return count;
}

using StemFamily = WordFamilies::StemFamily;

// Every stem with its family's number, sorted by stem for a binary search; built by the compiler.
constexpr auto k_english_stems = [] {
    std::array<StemFamily, count_stems()> stems{};
    std::size_t next = 0;
    for (std::size_t family = 0; family < k_english_families.size(); ++family) {
        const std::string_view words = k_english_families[family];
        for (std::size_t begin = 0; begin <= words.size();) {
            const std::size_t end = std::min(words.find(' ', begin), words.size());
            stems[next++] = StemFamily{words.substr(begin, end - begin), static_cast<int>(family)};
            begin = end + 1;
        }
    }
    std::sort(stems.begin(), stems.end(), [](const StemFamily& a, const StemFamily& b) { return a.stem < b.stem; });
    return stems;
}();

static_assert(std::none_of(k_english_stems.begin(), k_english_stems.end(),
                           [](const StemFamily& s) { return s.stem.empty(); }),
              "word families: one space between stems, none at the ends");
static_assert(std::adjacent_find(k_english_stems.begin(), k_english_stems.end(),
                                 [](const StemFamily& a, const StemFamily& b) { return a.stem == b.stem; }) ==
                  k_english_stems.end(),
              "word families: a stem in two families, or twice in one");

} // namespace

const WordFamilies& WordFamilies::of(std::string_view language)
{
    static constexpr WordFamilies english(k_english_stems);
    static constexpr WordFamilies no_families({});
    // "en" is Xapian's other name for the same stemmer.
    return language == "english" || language == "en" ? english : no_families;
}

int WordFamilies::family_of(std::string_view stem) const
{
    const auto found =
        std::lower_bound(m_stems.begin(), m_stems.end(), stem,
                         [](const StemFamily& entry, std::string_view wanted) { return entry.stem < wanted; });
    return found != m_stems.end() && found->stem == stem ? found->family : k_none;
}

std::vector<std::string_view> WordFamilies::stems_of(int family) const
{
    std::vector<std::string_view> stems;
    for (const auto& entry : m_stems) {
        if (entry.family == family) {
            stems.push_back(entry.stem);
        }
    }
    return stems;
}

bool WordFamilies::same_word(std::string_view a, std::string_view b) const
{
    if (m_stems.empty() || a == b) {
        return false;
    }
    const int family = family_of(a);
    return family != k_none && family_of(b) == family;
}

} // namespace kosh
