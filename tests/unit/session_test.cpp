// Tests for Session's exit status: found, not found, errors, and answers --min-confidence withheld.
#include "cli/common.h"
#include "cli/session.h"

#include <catch2/catch.hpp>

namespace {

class NullPrinter : public kosh::Printer {
public:
    void print(const kosh::QuestionResult&) override { ++printed; }
    int printed = 0;
};

kosh::QuestionResult with_passages(bool answered)
{
    kosh::QuestionResult result;
    result.passages.resize(1);
    if (answered) {
        result.answer = kosh::Answer{};
    }
    return result;
}

kosh::QuestionResult nothing_found()
{
    return kosh::QuestionResult{};
}

kosh::QuestionResult failed()
{
    kosh::QuestionResult result;
    result.error = "the question has no words to search for";
    return result;
}

} // namespace

TEST_CASE("Session::finish ranks errors, then missing confident answers, then found, then not found", "[cli]")
{
    using namespace kosh::cli;
    NullPrinter printer;
    SECTION("without required answers, passages without an answer still count as found")
    {
        Session session(printer);
        session.report(with_passages(false));
        session.report(nothing_found());
        CHECK(session.finish() == k_exit_found);
    }
    SECTION("with required answers: 3 when a question with passages lacks one")
    {
        Session session(printer);
        session.require_confident_answers();
        session.report(with_passages(true));
        session.report(nothing_found());
        session.report(with_passages(false));
        CHECK(session.finish() == k_exit_no_confident_answer);
        CHECK(printer.printed == 3);
    }
    SECTION("with required answers, all answered: 0; nothing found: 1")
    {
        Session answered(printer);
        answered.require_confident_answers();
        answered.report(with_passages(true));
        answered.report(nothing_found());
        CHECK(answered.finish() == k_exit_found);
        Session empty(printer);
        empty.require_confident_answers();
        empty.report(nothing_found());
        CHECK(empty.finish() == k_exit_not_found);
    }
    SECTION("an error outranks a missing answer")
    {
        Session session(printer);
        session.require_confident_answers();
        session.report(with_passages(false));
        session.report(failed());
        CHECK(session.finish() == k_exit_error);
    }
}
