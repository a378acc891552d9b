// fmt's compiled part, built into kosh. Debian ships fmt only as a shared library, and each shared
// library costs every kosh process start-up time: about 0.4 ms of a one-shot `kosh ask` here.
// format-inl.h holds the definitions a library build compiles once; the templates that
// format.h declares extern (or that kosh's formatting needs and no header defines inline) are
// instantiated below.
#include <fmt/format-inl.h>

FMT_BEGIN_NAMESPACE
namespace detail {

template auto thousands_sep_impl(locale_ref) -> thousands_sep_result<char>;
template auto thousands_sep_impl(locale_ref) -> thousands_sep_result<wchar_t>;
template auto decimal_point_impl(locale_ref) -> char;
template auto decimal_point_impl(locale_ref) -> wchar_t;
template auto locale_ref::get<std::locale>() const -> std::locale;

} // namespace detail
FMT_END_NAMESPACE
