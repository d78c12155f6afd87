#include "geo/core/error.h"

namespace geo {

namespace {

// A database password never reaches a message: "password=..." (up to the next space) goes.
std::string without_password(std::string text)
{
    for (size_t at; (at = text.find("password=")) != std::string::npos;) {
        const size_t end = text.find(' ', at);
        text.erase(at, end == std::string::npos ? std::string::npos : end - at + 1);
    }
    return text;
}

}  // namespace

std::string describe(const std::string& message, const ErrorContext& c)
{
    std::string out;
    auto add = [&out](const std::string& part) {
        if (!out.empty()) out += ": ";
        out += part;
    };
    if (!c.file.empty()) add(c.file);
    if (!c.key.empty()) add(c.key);
    if (!c.layer.empty()) add("layer '" + c.layer + "'");
    if (c.feature >= 0) add("feature " + std::to_string(c.feature));
    if (!c.field.empty()) add("field '" + c.field + "'");
    add(message);
    return without_password(out);
}

Error::Error(std::string message, ErrorContext context)
    : std::runtime_error(describe(message, context)),
      m_message(std::move(message)),
      m_context(std::move(context))
{
}

Error Error::with_outer(const ErrorContext& outer) const
{
    ErrorContext c = m_context;
    if (c.file.empty()) c.file = outer.file;
    if (c.layer.empty()) c.layer = outer.layer;
    if (c.feature < 0) c.feature = outer.feature;
    if (c.field.empty()) c.field = outer.field;
    if (c.key.empty()) c.key = outer.key;
    return Error(m_message, c);
}

}  // namespace geo
