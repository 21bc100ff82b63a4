// Script property lookups (uscript) behind the plain-C API of CICU.h.

#include "CICU.h"

#include <unicode/uscript.h>

_Static_assert(CICU_SCRIPT_INVALID == USCRIPT_INVALID_CODE, "UScriptCode mismatch");
_Static_assert(CICU_SCRIPT_COMMON == USCRIPT_COMMON, "UScriptCode mismatch");
_Static_assert(CICU_SCRIPT_INHERITED == USCRIPT_INHERITED, "UScriptCode mismatch");
_Static_assert(CICU_SCRIPT_HAN == USCRIPT_HAN, "UScriptCode mismatch");
_Static_assert(CICU_SCRIPT_HANGUL == USCRIPT_HANGUL, "UScriptCode mismatch");
_Static_assert(CICU_SCRIPT_HIRAGANA == USCRIPT_HIRAGANA, "UScriptCode mismatch");
_Static_assert(CICU_SCRIPT_KATAKANA == USCRIPT_KATAKANA, "UScriptCode mismatch");
_Static_assert(CICU_SCRIPT_LATIN == USCRIPT_LATIN, "UScriptCode mismatch");
_Static_assert(CICU_SCRIPT_BOPOMOFO == USCRIPT_BOPOMOFO, "UScriptCode mismatch");

int32_t cicu_script_of(uint32_t code_point) {
    if (code_point > 0x10FFFF) return CICU_SCRIPT_INVALID;
    UErrorCode status = U_ZERO_ERROR;
    UScriptCode code = uscript_getScript((UChar32)code_point, &status);
    return U_FAILURE(status) ? CICU_SCRIPT_INVALID : (int32_t)code;
}

int32_t cicu_script_extensions(uint32_t code_point, int32_t *codes, int32_t capacity) {
    if (code_point > 0x10FFFF || capacity < 0 || (codes == NULL && capacity > 0)) return -1;
    UScriptCode buffer[64];
    UErrorCode status = U_ZERO_ERROR;
    int32_t n = uscript_getScriptExtensions((UChar32)code_point, buffer, 64, &status);
    if (U_FAILURE(status)) return -1;
    for (int32_t i = 0; i < n && i < capacity; i++) codes[i] = (int32_t)buffer[i];
    return n;
}

// uscript_get*Name return NULL for codes outside ICU's property-value table.
static int valid_code(int32_t code) {
    return code >= 0;
}

const char *cicu_script_short_name(int32_t code) {
    return valid_code(code) ? uscript_getShortName((UScriptCode)code) : NULL;
}

const char *cicu_script_long_name(int32_t code) {
    return valid_code(code) ? uscript_getName((UScriptCode)code) : NULL;
}

int32_t cicu_script_code_for_name(const char *name) {
    if (name == NULL || name[0] == 0) return CICU_SCRIPT_INVALID;
    UScriptCode codes[8];
    UErrorCode status = U_ZERO_ERROR;
    int32_t n = uscript_getCode(name, codes, 8, &status);
    if (U_FAILURE(status) || n < 1) return CICU_SCRIPT_INVALID;
    return (int32_t)codes[0];
}
