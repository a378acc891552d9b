// Runs gumbo so that an internal check failing inside it does not end the process.
#include "parse/gumbo_guard.h"

#include <csetjmp>
#include <cstdio>
#include <cstdlib>

#include <errno.h> // program_invocation_short_name

namespace kosh {

namespace {

/// Where a failed assert inside gumbo, on this thread, returns to; null outside a parse.
thread_local std::jmp_buf* t_recovery = nullptr;

/// Each block handed to gumbo follows a header that links it into its parse's list, so an
/// abandoned parse can free what it holds without walking gumbo's half-built structures.
/// 16 bytes, so the block keeps malloc's alignment.
struct BlockHeader {
    BlockHeader* previous;
    BlockHeader* next;
};
static_assert(sizeof(BlockHeader) == 16);

/// gumbo_parse_with_options, or nullptr when one of gumbo's asserts fails on the input. Nothing
/// with a destructor lives between the setjmp and the parse, so jumping back skips no cleanup.
GumboOutput* parse_or_null(const GumboOptions* options, std::string_view html)
{
    std::jmp_buf recovery;
    if (setjmp(recovery) != 0) {
        return nullptr;
    }
    t_recovery = &recovery;
    GumboOutput* output = gumbo_parse_with_options(options, html.data(), html.size());
    t_recovery = nullptr;
    return output;
}

} // namespace

struct GumboParse::Allocations {
    BlockHeader list{&list, &list}; // a ring, with this header as its start and end

    ~Allocations()
    {
        while (list.next != &list) {
            BlockHeader* block = list.next;
            list.next = block->next;
            std::free(block);
        }
    }

    static void* allocate(void* self, std::size_t size)
    {
        auto* block = static_cast<BlockHeader*>(std::malloc(sizeof(BlockHeader) + size));
        if (!block) {
            std::abort(); // gumbo does not check; out of memory is fatal in any case
        }
        BlockHeader& list = static_cast<Allocations*>(self)->list;
        block->previous = &list;
        block->next = list.next;
        list.next->previous = block;
        list.next = block;
        return block + 1;
    }

    static void release(void* /*self*/, void* pointer)
    {
        if (!pointer) {
            return;
        }
        BlockHeader* block = static_cast<BlockHeader*>(pointer) - 1;
        block->previous->next = block->next;
        block->next->previous = block->previous;
        std::free(block);
    }
};

GumboParse::GumboParse(std::string_view html)
    : m_allocations(std::make_unique<Allocations>()), m_options(kGumboDefaultOptions)
{
    m_options.allocator = &Allocations::allocate;
    m_options.deallocator = &Allocations::release;
    m_options.userdata = m_allocations.get();
    m_options.max_errors = 0; // parse errors are not reported, so not kept either
    m_output = parse_or_null(&m_options, html);
}

GumboParse::~GumboParse()
{
    if (m_output) {
        gumbo_destroy_output(&m_options, m_output);
    }
    // m_allocations frees whatever an abandoned parse left.
}

} // namespace kosh

/// glibc's assert() calls this. gumbo is the only code in kosh built with its asserts on; a
/// failure inside a parse abandons that parse (see GumboParse), and any other fails as usual.
extern "C" void __assert_fail(const char* assertion, const char* file, unsigned int line, const char* function) noexcept
{
    if (std::jmp_buf* recovery = kosh::t_recovery) {
        kosh::t_recovery = nullptr;
        std::longjmp(*recovery, 1);
    }
    std::fprintf(stderr, "%s: %s:%u: %s%sAssertion `%s' failed.\n", program_invocation_short_name, file, line,
                 function ? function : "", function ? ": " : "", assertion);
    std::abort();
}
