// Unicode normalization (Normalizer2, UTF-8 in and out) behind the plain-C API of CICU.h.
// C++ because Normalizer2::normalizeUTF8 / isNormalizedUTF8 have no C equivalent; the C API
// (unorm2_*) works on UTF-16 only and is about 3x slower here.

#include "CICU.h"

#include <climits>

#include <unicode/bytestream.h>
#include <unicode/normalizer2.h>
#include <unicode/stringpiece.h>

namespace {

const icu::Normalizer2 *instance(int32_t form, UErrorCode &status) {
    switch (form) {
    case CICU_NFC: return icu::Normalizer2::getNFCInstance(status);
    case CICU_NFD: return icu::Normalizer2::getNFDInstance(status);
    case CICU_NFKC: return icu::Normalizer2::getNFKCInstance(status);
    case CICU_NFKD: return icu::Normalizer2::getNFKDInstance(status);
    default: status = U_ILLEGAL_ARGUMENT_ERROR; return nullptr;
    }
}

}  // namespace

extern "C" int32_t cicu_normalize_utf8(int32_t form, const uint8_t *src, size_t src_length,
                                       uint8_t *dst, size_t dst_capacity, size_t *dst_length) {
    if (dst_length == nullptr || (src == nullptr && src_length > 0) ||
        (dst == nullptr && dst_capacity > 0) || src_length > (size_t)INT32_MAX) {
        return CICU_INVALID_ARGUMENT;
    }
    *dst_length = 0;
    UErrorCode status = U_ZERO_ERROR;
    const icu::Normalizer2 *normalizer = instance(form, status);
    if (U_FAILURE(status) || normalizer == nullptr) {
        return status == U_ILLEGAL_ARGUMENT_ERROR ? CICU_INVALID_ARGUMENT : CICU_ICU_FAILURE;
    }
    static char empty = 0;
    int32_t capacity = dst_capacity > (size_t)INT32_MAX ? INT32_MAX : (int32_t)dst_capacity;
    icu::CheckedArrayByteSink sink(dst == nullptr ? &empty : reinterpret_cast<char *>(dst), capacity);
    icu::StringPiece piece(src == nullptr ? "" : reinterpret_cast<const char *>(src),
                           (int32_t)src_length);
    normalizer->normalizeUTF8(0, piece, sink, nullptr, status);
    if (U_FAILURE(status)) return CICU_ICU_FAILURE;
    // NumberOfBytesAppended counts everything the normalizer tried to write.
    *dst_length = (size_t)sink.NumberOfBytesAppended();
    return sink.Overflowed() ? CICU_BUFFER_OVERFLOW : CICU_OK;
}

extern "C" int32_t cicu_is_normalized_utf8(int32_t form, const uint8_t *src, size_t src_length,
                                           int32_t *is_normalized) {
    if (is_normalized == nullptr || (src == nullptr && src_length > 0) ||
        src_length > (size_t)INT32_MAX) {
        return CICU_INVALID_ARGUMENT;
    }
    *is_normalized = 0;
    UErrorCode status = U_ZERO_ERROR;
    const icu::Normalizer2 *normalizer = instance(form, status);
    if (U_FAILURE(status) || normalizer == nullptr) {
        return status == U_ILLEGAL_ARGUMENT_ERROR ? CICU_INVALID_ARGUMENT : CICU_ICU_FAILURE;
    }
    icu::StringPiece piece(src == nullptr ? "" : reinterpret_cast<const char *>(src),
                           (int32_t)src_length);
    UBool result = normalizer->isNormalizedUTF8(piece, status);
    if (U_FAILURE(status)) return CICU_ICU_FAILURE;
    *is_normalized = result ? 1 : 0;
    return CICU_OK;
}
