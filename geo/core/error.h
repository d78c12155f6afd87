#pragma once
// The one error type of the engine. Every failure that a person can act on is thrown as a
// geo::Error carrying where it happened (file, layer, feature, field), so that a front end can
// print one clear line: "parks.gpkg: layer 'parks': feature 12: field 'far': not a number".
#include <cstdint>
#include <stdexcept>
#include <string>

namespace geo {

struct ErrorContext {
    std::string file;        // path or connection string as the user gave it
    std::string layer;       // layer name inside the source
    int64_t feature = -1;    // source feature id; -1 when not about one feature
    std::string field;       // attribute field name
    std::string key;         // a key or position inside a configuration file
};

class Error : public std::runtime_error {
public:
    explicit Error(std::string message, ErrorContext context = {});

    const std::string& message() const { return m_message; }
    const ErrorContext& context() const { return m_context; }

    // Returns a copy with missing context filled in from `outer` (inner context wins), so
    // that a caller higher up can add the file name to an error thrown deep inside.
    Error with_outer(const ErrorContext& outer) const;

private:
    std::string m_message;
    ErrorContext m_context;
};

// Thrown when a cancel token is set during long work; not a failure the user must fix.
class Cancelled : public Error {
public:
    Cancelled() : Error("cancelled") {}
};

// "file: layer 'x': feature 3: field 'y': message"
std::string describe(const std::string& message, const ErrorContext& context);

}  // namespace geo
