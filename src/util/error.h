// Error types shared by every layer, and a small Expected<T> for failures that are ordinary.
#pragma once

#include <stdexcept>
#include <string>
#include <utility>
#include <variant>

namespace kosh {

/// Base of kosh's exceptions. Don't throw or catch ErrorBase directly, use a subclass.
class ErrorBase : public std::runtime_error {
public:
    using std::runtime_error::runtime_error;
};

/// A failure a caller may catch and handle (skip a file, try the next question).
class Error : public ErrorBase {
public:
    using ErrorBase::ErrorBase;
};

/// A failure that ends the command: main prints the message and exits with status 2.
class Fatal : public ErrorBase {
public:
    using ErrorBase::ErrorBase;
};

/// Standard output's reader has gone (`kosh ask ... | head -1`): the command stops there and
/// kosh exits 0 without a message, as grep and ripgrep do.
class OutputClosed : public ErrorBase {
public:
    using ErrorBase::ErrorBase;
};

/// Either a value or a one-line message saying what went wrong.
template <typename T>
class Expected {
public:
    Expected(T value) : m_state(std::move(value)) {}
    static Expected failure(std::string message) { return Expected(Failure{std::move(message)}); }

    [[nodiscard]] bool has_value() const { return m_state.index() == 0; }
    explicit operator bool() const { return has_value(); }
    T& value() { return std::get<0>(m_state); }
    const T& value() const { return std::get<0>(m_state); }
    T& operator*() { return value(); }
    const T& operator*() const { return value(); }
    T* operator->() { return &value(); }
    const T* operator->() const { return &value(); }
    [[nodiscard]] const std::string& error() const { return std::get<1>(m_state).message; }

private:
    struct Failure {
        std::string message;
    };
    explicit Expected(Failure failure) : m_state(std::move(failure)) {}
    std::variant<T, Failure> m_state;
};

/// Unwraps an Expected, throwing E with `prefix` and the message when it holds a failure.
template <typename E, typename T>
T value_or_throw(Expected<T> result, const std::string& prefix = {})
{
    if (!result) {
        throw E(prefix + result.error());
    }
    return std::move(result.value());
}

} // namespace kosh
