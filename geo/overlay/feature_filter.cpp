#include "geo/overlay/feature_filter.h"

#include <algorithm>
#include <cctype>
#include <cmath>
#include <cstdlib>
#include <optional>
#include <variant>

#include "geo/core/error.h"

namespace geo {

namespace {

// A value during evaluation: null, a number or text.
using Value = std::variant<std::monostate, double, std::string>;

bool is_null(const Value& v) { return std::holds_alternative<std::monostate>(v); }

std::string upper_ascii(std::string s)
{
    for (char& c : s)
        if (c >= 'a' && c <= 'z') c = static_cast<char>(c - 'a' + 'A');
    return s;
}

// SQL LIKE: % any run, _ one character (a UTF-8 character, not a byte).
size_t utf8_length(const std::string& s, size_t i)
{
    const unsigned char c = static_cast<unsigned char>(s[i]);
    return c < 0x80 ? 1 : c < 0xE0 ? 2 : c < 0xF0 ? 3 : 4;
}

bool like(const std::string& text, size_t t, const std::string& pattern, size_t p)
{
    while (p < pattern.size()) {
        if (pattern[p] == '%') {
            while (p < pattern.size() && pattern[p] == '%') ++p;
            if (p == pattern.size()) return true;
            for (size_t k = t; k <= text.size(); k += (k < text.size() ? utf8_length(text, k) : 1))
                if (like(text, k, pattern, p)) return true;
            return false;
        }
        if (t >= text.size()) return false;
        if (pattern[p] == '_') {
            t += utf8_length(text, t);
            p += utf8_length(pattern, p);
            continue;
        }
        if (pattern[p] != text[t]) return false;
        ++p, ++t;
    }
    return t == text.size();
}

struct Token {
    enum Kind { End, Field, Text, Number, Word, Op, LParen, RParen, Comma } kind;
    std::string text;
    double number = 0;
    size_t at = 0;  // 1-based character position, for messages
};

// The 1-based character (not byte) position of byte `i` of `s`, for messages.
size_t position(const std::string& s, size_t i)
{
    size_t chars = 0;
    for (size_t k = 0; k < i && k < s.size(); ++k) chars += (static_cast<unsigned char>(s[k]) & 0xC0) != 0x80;
    return chars + 1;
}

// UTF-8 to code points (for edit distances between names).
std::u32string code_points(const std::string& s)
{
    std::u32string out;
    for (size_t i = 0; i < s.size();) {
        const size_t n = utf8_length(s, i);
        char32_t c = static_cast<unsigned char>(s[i]) & (n == 1 ? 0x7F : n == 2 ? 0x1F : n == 3 ? 0x0F : 0x07);
        for (size_t k = 1; k < n && i + k < s.size(); ++k) c = (c << 6) | (static_cast<unsigned char>(s[i + k]) & 0x3F);
        out.push_back(c);
        i += n;
    }
    return out;
}

std::vector<Token> tokenize(const std::string& s)
{
    std::vector<Token> out;
    size_t i = 0;
    auto fail = [&](size_t at, const std::string& what) { throw Error("at " + std::to_string(position(s, at)) + ": " + what); };
    while (i < s.size()) {
        const char c = s[i];
        if (c == ' ' || c == '\t' || c == '\n' || c == '\r') {
            ++i;
            continue;
        }
        const size_t start = i;
        if (c == '"' || c == '\'') {
            std::string v;
            ++i;
            for (;;) {
                if (i >= s.size()) fail(start, std::string("unclosed ") + (c == '"' ? "field name" : "text") + " (a " + c + " is missing)");
                if (s[i] == c) {
                    if (i + 1 < s.size() && s[i + 1] == c) {  // doubled: one quote inside
                        v += c;
                        i += 2;
                        continue;
                    }
                    ++i;
                    break;
                }
                v += s[i++];
            }
            out.push_back({c == '"' ? Token::Field : Token::Text, v, 0, position(s, start)});
        } else if ((c >= '0' && c <= '9') || (c == '.' && i + 1 < s.size() && s[i + 1] >= '0' && s[i + 1] <= '9')) {
            char* end = nullptr;
            const double v = std::strtod(s.c_str() + i, &end);
            i = static_cast<size_t>(end - s.c_str());
            out.push_back({Token::Number, s.substr(start, i - start), v, position(s, start)});
        } else if (c == '(' || c == ')' || c == ',') {
            out.push_back({c == '(' ? Token::LParen : c == ')' ? Token::RParen : Token::Comma, std::string(1, c), 0, position(s, start)});
            ++i;
        } else if (c == '=' || c == '<' || c == '>' || c == '!' || c == '+' || c == '-' || c == '*' || c == '/') {
            std::string op(1, c);
            if (i + 1 < s.size() && ((c == '<' && (s[i + 1] == '=' || s[i + 1] == '>')) || ((c == '>' || c == '!') && s[i + 1] == '=')))
                op += s[i + 1];
            if (op == "!") fail(start, "'!' alone is not an operator (use != or NOT)");
            i += op.size();
            out.push_back({Token::Op, op == "<>" ? "!=" : op, 0, position(s, start)});
        } else {
            // A bare word: letters, digits, underscores and any non-ASCII (Chinese field names).
            while (i < s.size()) {
                const unsigned char ch = static_cast<unsigned char>(s[i]);
                if (ch >= 0x80 || std::isalnum(ch) || ch == '_') ++i;
                else break;
            }
            if (i == start) fail(start, std::string("unexpected '") + c + "'");
            out.push_back({Token::Word, s.substr(start, i - start), 0, position(s, start)});
        }
    }
    out.push_back({Token::End, "", 0, position(s, s.size())});
    return out;
}

}  // namespace

struct FeatureFilter::Node {
    enum Kind { Field, Const, Not, And, Or, Compare, Arith, In, Like, IsNull } kind;
    std::string op;               // Compare: = != < <= > >=; Arith: + - * /
    bool negated = false;         // NOT IN, NOT LIKE, IS NOT NULL
    bool case_insensitive = false;  // ILIKE
    const Column* column = nullptr;
    Value value;
    std::vector<std::unique_ptr<Node>> kids;

    Value eval(size_t row) const
    {
        switch (kind) {
        case Field:
            if (column->is_null(row)) return {};
            if (column->is_numeric()) return *column->number(row);
            return std::string(column->string(row));
        case Const: return value;
        case Arith: {
            const Value a = kids[0]->eval(row), b = kids[1]->eval(row);
            const double* x = std::get_if<double>(&a);
            const double* y = std::get_if<double>(&b);
            if (!x || !y) return {};
            if (op == "+") return *x + *y;
            if (op == "-") return *x - *y;
            if (op == "*") return *x * *y;
            return *y == 0 ? Value{} : Value{*x / *y};  // division by zero: null
        }
        default: return truth(row) ? 1.0 : 0.0;
        }
    }

    bool truth(size_t row) const
    {
        switch (kind) {
        case Not: return !kids[0]->truth(row);
        case And: return kids[0]->truth(row) && kids[1]->truth(row);
        case Or: return kids[0]->truth(row) || kids[1]->truth(row);
        case IsNull: return is_null(kids[0]->eval(row)) != negated;
        case Compare: return compare(kids[0]->eval(row), kids[1]->eval(row));
        case In: {
            const Value v = kids[0]->eval(row);
            if (is_null(v)) return false;
            bool found = false;
            for (size_t k = 1; k < kids.size() && !found; ++k) found = equal(v, kids[k]->eval(row));
            return found != negated;
        }
        case Like: {
            const Value v = kids[0]->eval(row);
            if (is_null(v)) return false;
            std::string text = std::holds_alternative<std::string>(v) ? std::get<std::string>(v) : number_text(std::get<double>(v));
            std::string pattern = std::get<std::string>(kids[1]->value);
            if (case_insensitive) text = upper_ascii(text), pattern = upper_ascii(pattern);
            return like(text, 0, pattern, 0) != negated;
        }
        default: {
            const Value v = eval(row);
            if (const double* d = std::get_if<double>(&v)) return *d != 0;
            return false;
        }
        }
    }

    static std::string number_text(double d)
    {
        char b[32];
        std::snprintf(b, sizeof b, "%.15g", d);
        return b;
    }

    // Equal values: numbers as numbers, text as text; a number against text compares the
    // text read as a number when it is one ("26" = 26), never silently as unequal types.
    static std::optional<int> order(const Value& a, const Value& b)
    {
        if (is_null(a) || is_null(b)) return std::nullopt;
        const double* x = std::get_if<double>(&a);
        const double* y = std::get_if<double>(&b);
        if (x && y) return *x < *y ? -1 : *x > *y ? 1 : 0;
        if (!x && !y) {
            const int c = std::get<std::string>(a).compare(std::get<std::string>(b));
            return c < 0 ? -1 : c > 0 ? 1 : 0;
        }
        const std::string& t = x ? std::get<std::string>(b) : std::get<std::string>(a);
        char* end = nullptr;
        const double n = std::strtod(t.c_str(), &end);
        if (t.empty() || *end != '\0') return std::nullopt;
        const double l = x ? *x : n, r = x ? n : *y;
        return l < r ? -1 : l > r ? 1 : 0;
    }
    static bool equal(const Value& a, const Value& b) { return order(a, b) == 0; }

    bool compare(const Value& a, const Value& b) const
    {
        const auto o = order(a, b);
        if (!o) return false;
        if (op == "=") return *o == 0;
        if (op == "!=") return *o != 0;
        if (op == "<") return *o < 0;
        if (op == "<=") return *o <= 0;
        if (op == ">") return *o > 0;
        return *o >= 0;
    }
};

namespace {

using Node = FeatureFilter::Node;

// The edit distance of two short names, for "did you mean".
size_t distance(const std::string& a8, const std::string& b8)
{
    const std::u32string a = code_points(a8), b = code_points(b8);
    std::vector<size_t> d(b.size() + 1);
    for (size_t j = 0; j <= b.size(); ++j) d[j] = j;
    for (size_t i = 1; i <= a.size(); ++i) {
        size_t prev = d[0];
        d[0] = i;
        for (size_t j = 1; j <= b.size(); ++j) {
            const size_t cur = d[j];
            d[j] = std::min({d[j] + 1, d[j - 1] + 1, prev + (a[i - 1] == b[j - 1] ? 0 : 1)});
            prev = cur;
        }
    }
    return d[b.size()];
}

class Parser {
public:
    Parser(std::vector<Token> tokens, const Layer& layer, const std::string& layer_name)
        : m_tokens(std::move(tokens)), m_layer(layer), m_name(layer_name)
    {
    }

    std::unique_ptr<Node> parse()
    {
        if (peek().kind == Token::End) fail(peek(), "the expression is empty");
        auto n = parse_or();
        if (peek().kind != Token::End) fail(peek(), "unexpected '" + peek().text + "' (AND, OR or the end was expected)");
        return n;
    }

private:
    const Token& peek() const { return m_tokens[m_pos]; }
    const Token& take() { return m_tokens[m_pos++]; }
    bool word(const char* w) const { return peek().kind == Token::Word && upper_ascii(peek().text) == w; }
    [[noreturn]] void fail(const Token& t, const std::string& what) const { throw Error("at " + std::to_string(t.at) + ": " + what); }

    static std::unique_ptr<Node> make(Node::Kind kind) { return std::make_unique<Node>(Node{kind, {}, false, false, nullptr, {}, {}}); }
    static std::unique_ptr<Node> join(Node::Kind kind, std::unique_ptr<Node> a, std::unique_ptr<Node> b, std::string op = {})
    {
        auto n = make(kind);
        n->op = std::move(op);
        n->kids.push_back(std::move(a));
        n->kids.push_back(std::move(b));
        return n;
    }

    std::unique_ptr<Node> parse_or()
    {
        auto n = parse_and();
        while (word("OR")) {
            take();
            n = join(Node::Or, std::move(n), parse_and());
        }
        return n;
    }
    std::unique_ptr<Node> parse_and()
    {
        auto n = parse_not();
        while (word("AND")) {
            take();
            n = join(Node::And, std::move(n), parse_not());
        }
        return n;
    }
    std::unique_ptr<Node> parse_not()
    {
        if (word("NOT")) {
            take();
            auto n = make(Node::Not);
            n->kids.push_back(parse_not());
            return n;
        }
        return parse_predicate();
    }
    std::unique_ptr<Node> parse_predicate()
    {
        auto left = parse_sum();
        bool negated = false;
        if (word("NOT")) {  // NOT IN, NOT LIKE
            take();
            negated = true;
            if (!word("IN") && !word("LIKE") && !word("ILIKE")) fail(peek(), "IN or LIKE was expected after NOT");
        }
        if (word("IS")) {
            take();
            auto n = make(Node::IsNull);
            if (word("NOT")) take(), n->negated = true;
            if (!word("NULL")) fail(peek(), "NULL was expected after IS");
            take();
            n->kids.push_back(std::move(left));
            return n;
        }
        if (word("IN")) {
            take();
            auto n = make(Node::In);
            n->negated = negated;
            n->kids.push_back(std::move(left));
            if (peek().kind != Token::LParen) fail(peek(), "'(' was expected after IN");
            take();
            for (;;) {
                n->kids.push_back(parse_sum());
                if (peek().kind == Token::Comma) {
                    take();
                    continue;
                }
                if (peek().kind != Token::RParen) fail(peek(), "',' or ')' was expected in the IN list");
                take();
                break;
            }
            return n;
        }
        if (word("LIKE") || word("ILIKE")) {
            auto n = make(Node::Like);
            n->case_insensitive = word("ILIKE");
            take();
            n->negated = negated;
            if (peek().kind != Token::Text) fail(peek(), "a 'quoted' pattern was expected after LIKE");
            auto pattern = make(Node::Const);
            pattern->value = take().text;
            n->kids.push_back(std::move(left));
            n->kids.push_back(std::move(pattern));
            return n;
        }
        if (peek().kind == Token::Op && (peek().text == "=" || peek().text == "!=" || peek().text == "<" || peek().text == "<=" ||
                                         peek().text == ">" || peek().text == ">=")) {
            const std::string op = take().text;
            return join(Node::Compare, std::move(left), parse_sum(), op);
        }
        return left;
    }
    std::unique_ptr<Node> parse_sum()
    {
        auto n = parse_product();
        while (peek().kind == Token::Op && (peek().text == "+" || peek().text == "-")) {
            const std::string op = take().text;
            n = join(Node::Arith, std::move(n), parse_product(), op);
        }
        return n;
    }
    std::unique_ptr<Node> parse_product()
    {
        auto n = parse_atom();
        while (peek().kind == Token::Op && (peek().text == "*" || peek().text == "/")) {
            const std::string op = take().text;
            n = join(Node::Arith, std::move(n), parse_atom(), op);
        }
        return n;
    }
    std::unique_ptr<Node> parse_atom()
    {
        const Token& t = peek();
        if (t.kind == Token::LParen) {
            take();
            auto n = parse_or();
            if (peek().kind != Token::RParen) fail(peek(), "')' was expected");
            take();
            return n;
        }
        if (t.kind == Token::Op && t.text == "-") {  // a negative number or expression
            take();
            auto zero = make(Node::Const);
            zero->value = 0.0;
            return join(Node::Arith, std::move(zero), parse_atom(), "-");
        }
        if (t.kind == Token::Number) {
            auto n = make(Node::Const);
            n->value = take().number;
            return n;
        }
        if (t.kind == Token::Text) {
            auto n = make(Node::Const);
            n->value = take().text;
            return n;
        }
        if (t.kind == Token::Field || t.kind == Token::Word) {
            if (t.kind == Token::Word && upper_ascii(t.text) == "NULL") {
                take();
                return make(Node::Const);
            }
            const Column* c = m_layer.column(t.text);
            if (!c) {
                std::string best;
                size_t best_d = 3;
                for (const Column& col : m_layer.columns)
                    if (const size_t d = distance(col.name(), t.text); d < best_d) best_d = d, best = col.name();
                fail(t, "no field named '" + t.text + "' in layer '" + m_name + "'" + (best.empty() ? "" : " (did you mean '" + best + "'?)"));
            }
            take();
            auto n = make(Node::Field);
            n->column = c;
            return n;
        }
        if (t.kind == Token::End) fail(t, "the expression ends too early");
        fail(t, "unexpected '" + t.text + "'");
    }

    std::vector<Token> m_tokens;
    size_t m_pos = 0;
    const Layer& m_layer;
    std::string m_name;
};

}  // namespace

FeatureFilter::FeatureFilter(const std::string& expression, const Layer& layer, const std::string& layer_name) : m_layer(&layer)
{
    m_root = Parser(tokenize(expression), layer, layer_name).parse();
}

FeatureFilter::~FeatureFilter() = default;
FeatureFilter::FeatureFilter(FeatureFilter&&) noexcept = default;
FeatureFilter& FeatureFilter::operator=(FeatureFilter&&) noexcept = default;

bool FeatureFilter::matches(size_t row) const { return m_root->truth(row); }

std::vector<uint32_t> FeatureFilter::select() const
{
    std::vector<uint32_t> out;
    for (size_t i = 0; i < m_layer->size(); ++i)
        if (matches(i)) out.push_back(static_cast<uint32_t>(i));
    return out;
}

}  // namespace geo
