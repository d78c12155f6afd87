#pragma once
// A typed attribute column of an in-memory layer. Strings are stored in one buffer with
// offsets (Arrow-like): a million short Chinese names cost their bytes plus 4 bytes each,
// not a heap block each. Every type has a null mask.
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace geo {

enum class FieldType : uint8_t { Integer, Real, String };

std::string_view to_string(FieldType type);  // "integer", "real", "string"

class Column {
public:
    Column(std::string name, FieldType type);

    const std::string& name() const { return m_name; }
    void rename(std::string name) { m_name = std::move(name); }
    FieldType type() const { return m_type; }
    bool is_numeric() const { return m_type != FieldType::String; }
    size_t size() const { return m_valid.size(); }

    void push_null();
    void push_integer(int64_t v);
    void push_real(double v);
    void push_string(std::string_view v);
    // Appends row `row` of `source` (null included), converting as the push_* functions do.
    void push_from(const Column& source, size_t row);
    void reserve(size_t rows);
    // Reserves room for `bytes` of text in a string column (the buffer otherwise grows by
    // doubling, which can leave up to half of it unused).
    void reserve_text(size_t bytes) { m_chars.reserve(bytes); }
    size_t text_bytes() const { return m_chars.size(); }

    bool is_null(size_t row) const { return m_valid[row] == 0; }
    int64_t integer(size_t row) const { return m_ints[row]; }
    double real(size_t row) const { return m_reals[row]; }
    std::string_view string(size_t row) const;

    // The value as a number: integers and reals directly, strings when they parse completely
    // as a number; nullopt for null or unparseable text.
    std::optional<double> number(size_t row) const;
    // The value as text, "" for null; reals are printed with up to 15 significant digits.
    std::string text(size_t row) const;

    size_t memory_bytes() const;

private:
    std::string m_name;
    FieldType m_type;
    std::vector<int64_t> m_ints;
    std::vector<double> m_reals;
    std::string m_chars;
    std::vector<uint32_t> m_offsets{0};
    std::vector<uint8_t> m_valid;
};

}  // namespace geo
