// Forms of one English word that stemming cannot join.
#include "analyze/word_families.h"

#include "analyze/stemmer.h"

#include <algorithm>
#include <array>
#include <stdexcept>

namespace kosh {

namespace {

// One family per entry, base form first. Left out: forms that are also common words of another
// meaning ("found" and "find" against "to found"; "saw", "rose", "left", "bound", "lay", "lead",
// "mean" and "meant", "felt", "lent", "fed", "sat", "ring", "sink", "stick", "tear"), and forms
// that stemming already joins ("walked", "died").
constexpr auto k_english_families = std::to_array<std::string_view>({
    "arise arose arisen", "awake awoke awoken", "become became", "begin began begun", "bend bent",
    "bleed bled", "blow blew blown", "break broke broken", "breed bred", "bring brought", "build built",
    "buy bought", "catch caught", "choose chose chosen", "come came", "creep crept", "deal dealt",
    "dig dug", "draw drew drawn", "drink drank drunk", "drive drove driven", "eat ate eaten",
    "fall fell fallen", "fight fought", "flee fled", "fly flew flown", "forbid forbade forbidden",
    "forget forgot forgotten", "forgive forgave forgiven", "freeze froze frozen", "get got gotten",
    "give gave given", "go went gone", "grow grew grown", "hang hung", "hear heard", "hide hid hidden",
    "hold held", "keep kept", "kneel knelt", "know knew known", "lose lost", "make made", "meet met",
    "pay paid", "ride rode ridden", "run ran", "say said", "see seen", "seek sought", "sell sold",
    "send sent", "shake shook shaken", "shine shone", "shoot shot", "show shown", "shrink shrank shrunk",
    "sing sang sung", "sleep slept", "slide slid", "speak spoke spoken", "spend spent", "spin spun",
    "stand stood", "steal stole stolen", "sting stung", "strike struck stricken", "swear swore sworn",
    "sweep swept", "swim swam swum", "swing swung", "take took taken", "teach taught", "tell told",
    "think thought", "throw threw thrown", "understand understood", "wake woke woken", "wear wore worn",
    "weave wove woven", "win won", "write wrote written", "die death dead", "birth born",
});

} // namespace

const WordFamilies& WordFamilies::of(std::string_view language)
{
    static const WordFamilies english = [] {
        WordFamilies families;
        Stemmer stemmer("english");
        int number = 0;
        for (const std::string_view family : k_english_families) {
            for (std::size_t begin = 0; begin < family.size();) {
                const std::size_t end = std::min(family.find(' ', begin), family.size());
                const std::string word(family.substr(begin, end - begin));
                begin = end + 1;
                if (word.empty()) {
                    continue; // a doubled space
                }
                const auto [at, added] = families.m_family.emplace(stemmer.stem(word), number);
                if (!added && at->second != number) {
                    throw std::logic_error("word families: '" + word + "' stems like a word of another family");
                }
            }
            ++number;
        }
        return families;
    }();
    static const WordFamilies no_families;
    // "en" is Xapian's other name for the same stemmer.
    return language == "english" || language == "en" ? english : no_families;
}

int WordFamilies::family_of(const std::string& stem) const
{
    const auto found = m_family.find(stem);
    return found == m_family.end() ? k_none : found->second;
}

bool WordFamilies::same_word(const std::string& a, const std::string& b) const
{
    if (m_family.empty() || a == b) {
        return false;
    }
    const int family = family_of(a);
    return family != k_none && family_of(b) == family;
}

} // namespace kosh
