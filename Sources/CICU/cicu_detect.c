// Charset detection (ucsdet) behind the plain-C API of CICU.h.

#include "CICU.h"

#include <stdint.h>
#include <string.h>

#include <unicode/ucsdet.h>

static void copy_name(char *dst, const char *src) {
    if (src == NULL) src = "";
    size_t n = strlen(src);
    if (n >= CICU_NAME_CAPACITY) n = CICU_NAME_CAPACITY - 1;
    memcpy(dst, src, n);
    dst[n] = 0;
}

int32_t cicu_detect(const uint8_t *src, size_t src_length, cicu_charset_match *matches,
                    int32_t capacity, int32_t *count) {
    static const uint8_t empty = 0;
    if (count == NULL || (src == NULL && src_length > 0) || (matches == NULL && capacity > 0) ||
        capacity < 0) {
        return CICU_INVALID_ARGUMENT;
    }
    *count = 0;
    if (src_length > (size_t)INT32_MAX) return CICU_INVALID_ARGUMENT;
    if (src == NULL) src = &empty;

    UErrorCode status = U_ZERO_ERROR;
    UCharsetDetector *detector = ucsdet_open(&status);
    if (U_FAILURE(status)) return CICU_ICU_FAILURE;
    ucsdet_setText(detector, (const char *)src, (int32_t)src_length, &status);
    int32_t found = 0;
    const UCharsetMatch **all = ucsdet_detectAll(detector, &found, &status);
    if (U_FAILURE(status) || all == NULL) {
        ucsdet_close(detector);
        // ICU reports "no match" (e.g. for empty input) as U_INVALID_CHAR_FOUND.
        return status == U_INVALID_CHAR_FOUND ? CICU_OK : CICU_ICU_FAILURE;
    }
    int32_t written = 0;
    for (int32_t i = 0; i < found && written < capacity; i++) {
        UErrorCode s = U_ZERO_ERROR;
        const char *name = ucsdet_getName(all[i], &s);
        int32_t confidence = ucsdet_getConfidence(all[i], &s);
        const char *language = ucsdet_getLanguage(all[i], &s);
        if (U_FAILURE(s)) continue;
        copy_name(matches[written].name, name);
        copy_name(matches[written].language, language);
        matches[written].confidence = confidence;
        written++;
    }
    *count = found;
    ucsdet_close(detector);
    return found > capacity ? CICU_BUFFER_OVERFLOW : CICU_OK;
}
