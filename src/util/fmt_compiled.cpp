// fmt's compiled part, built into kosh when fmt is version 9 (see CMakeLists.txt). Debian ships fmt
// only as a shared library, and each shared library costs every kosh process start-up time: about
// 0.4 ms of a one-shot `kosh ask` here. format-inl.h holds the definitions a library build
// compiles once; the templates that format.h declares extern, and the locale_ref members that
// locale-aware formatting needs, are instantiated below. fmt/os.h (files, output_file) is not
// built in: kosh does not use it. A dependency that links libfmt itself would clash with this.
#include <fmt/format-inl.h>

FMT_BEGIN_NAMESPACE
namespace detail {

template auto thousands_sep_impl(locale_ref) -> thousands_sep_result<char>;
template auto thousands_sep_impl(locale_ref) -> thousands_sep_result<wchar_t>;
template auto decimal_point_impl(locale_ref) -> char;
template auto decimal_point_impl(locale_ref) -> wchar_t;
template locale_ref::locale_ref(const std::locale& loc);
template auto locale_ref::get<std::locale>() const -> std::locale;

} // namespace detail
FMT_END_NAMESPACE
