/*
 * CICU — the HanziKit bridge to the system ICU (libicuuc / libicui18n).
 *
 * This is the ONLY code in the project that includes ICU headers. This public header deliberately
 * exposes no ICU type: only <stdint.h>/<stddef.h> types, plain structs, int32_t status codes and
 * byte buffers, so that Swift can import it next to Foundation (whose bundled ICU clashes with the
 * system ICU's headers).
 *
 * Conventions
 *  - Every text buffer is UTF-8 (uint8_t *) unless stated otherwise; lengths are in bytes.
 *  - Functions that produce variable-length output write into a caller-provided buffer
 *    (dst, dst_capacity) and always store the REQUIRED size in *dst_length. If the output does not
 *    fit they return CICU_BUFFER_OVERFLOW (the content of dst is then unspecified); call again
 *    with a buffer of at least *dst_length bytes. dst may be NULL when dst_capacity is 0.
 *  - Every function is thread-safe. Converters are cached per thread internally (ICU converters
 *    are not thread-safe, so they are never shared between threads).
 *  - Charsets are named by any ICU alias; passing the canonical name returned by
 *    cicu_charset_lookup() is fastest.
 */
#ifndef CICU_H
#define CICU_H

#include <stddef.h>
#include <stdint.h>

#ifdef __cplusplus
extern "C" {
#endif

/* ---------------------------------------------------------------------------------------------- */
/* Status codes                                                                                   */
/* ---------------------------------------------------------------------------------------------- */

enum {
    CICU_OK = 0,
    /** Output did not fit; *dst_length holds the required size in bytes. */
    CICU_BUFFER_OVERFLOW = 1,
    /** Strict decoding met an invalid/unmappable byte sequence (or strict encoding met
     *  ill-formed UTF-8 input); see cicu_conversion_error.offset/bytes. */
    CICU_INVALID_SEQUENCE = 2,
    /** Strict encoding met a character the target charset cannot represent; see
     *  cicu_conversion_error.offset/scalar. */
    CICU_UNMAPPABLE = 3,
    /** ICU does not know the charset name. */
    CICU_UNKNOWN_CHARSET = 4,
    /** Some other ICU failure (e.g. out of memory); cicu_conversion_error.icu_status has the
     *  raw ICU error code, cicu_icu_error_name() names it. */
    CICU_ICU_FAILURE = 5,
    /** Bad argument (NULL pointer with non-zero length, input longer than ICU accepts, ...). */
    CICU_INVALID_ARGUMENT = 6,
};

/** The name of a raw ICU error code ("U_ILLEGAL_CHAR_FOUND", ...); static storage. */
const char *cicu_icu_error_name(int32_t icu_status);

/* ---------------------------------------------------------------------------------------------- */
/* Charsets                                                                                       */
/* ---------------------------------------------------------------------------------------------- */

/** Maximum length (including the terminating NUL) of any name returned by this API. */
#define CICU_NAME_CAPACITY 64
/** Maximum number of "trap bytes" a single-byte table can hold (bytes 0x80...0xFF). */
#define CICU_TRAP_CAPACITY 128

/**
 * What cicu_charset_lookup() learns about a charset.
 *
 * Trap bytes: single bytes >= 0x80 that ICU decodes WITHOUT an error to a character that is
 * really a placeholder for an undefined byte: a private-use character (GBK 0xFF -> U+F8F5,
 * Big5 0xFF -> U+F8F8) or, in charsets that do not follow the ISO C1 convention (decided by
 * whether byte 0x85 decodes to U+0085), a C1 control (windows-1252 0x81 0x8D 0x8F 0x90 0x9D,
 * Big5 0x80). trap_units[i] is the UTF-16 code unit ICU produces for trap_bytes[i].
 * cicu_decode/cicu_encode take this table to reject (strict) or replace (substitute) them.
 */
typedef struct cicu_charset_info {
    char canonical_name[CICU_NAME_CAPACITY]; /**< ICU's canonical converter name ("windows-936-2000"). */
    char standard_name[CICU_NAME_CAPACITY];  /**< MIME, else IANA, else canonical name ("GBK"). */
    int32_t min_bytes_per_char;              /**< ucnv_getMinCharSize. */
    int32_t max_bytes_per_char;              /**< ucnv_getMaxCharSize. */
    int32_t trap_count;                      /**< Number of valid entries below. */
    uint8_t trap_bytes[CICU_TRAP_CAPACITY];
    uint16_t trap_units[CICU_TRAP_CAPACITY];
} cicu_charset_info;

/**
 * Validates a charset name with ICU and fills *info.
 * Returns CICU_OK, CICU_UNKNOWN_CHARSET (also for "" and names ICU rejects) or CICU_ICU_FAILURE.
 * Costs one converter open plus 128 one-byte decodes (tens of microseconds): do it once per charset.
 */
int32_t cicu_charset_lookup(const char *name, cicu_charset_info *info);

/** Detail of a conversion failure. */
typedef struct cicu_conversion_error {
    /** Byte offset in the INPUT of the offending sequence (decode: charset bytes; encode: UTF-8). */
    size_t offset;
    /** The offending input bytes (decode) or the UTF-8 of the unmappable character (encode). */
    uint8_t bytes[32];
    int32_t length;      /**< Number of valid bytes in `bytes`. */
    uint32_t scalar;     /**< CICU_UNMAPPABLE: the Unicode scalar value that could not be encoded. */
    int32_t icu_status;  /**< The raw ICU UErrorCode behind the failure (0 if none). */
} cicu_conversion_error;

/** Flags for cicu_decode / cicu_encode. */
enum {
    /** Default (0): strict — stop at the first invalid / unmappable sequence. */
    CICU_STRICT = 0,
    /** Replace instead of failing. Decode: each invalid sequence (as ICU segments it) and each
     *  trap byte becomes U+FFFD. Encode: ICU's substitution bytes for the charset (ucnv
     *  subchar, e.g. '?' for GBK/Big5, 0x1A for windows-1252); ill-formed UTF-8 input is first
     *  read as U+FFFD. */
    CICU_SUBSTITUTE = 1,
};

/**
 * Decodes `src` (bytes in `charset`) to UTF-8 in dst.
 *  - trap_bytes/trap_units/trap_count: the table from cicu_charset_lookup (trap_count may be 0).
 *  - Strict: returns CICU_INVALID_SEQUENCE with err->offset = byte offset of the first invalid,
 *    truncated or unmappable sequence (or trap byte) and err->bytes = that sequence.
 *  - A BOM is consumed (not output) only by BOM-detecting charsets such as "UTF-16"/"UTF-32".
 * err may be NULL. Output is always well-formed UTF-8.
 */
int32_t cicu_decode(const char *charset,
                    const uint8_t *src, size_t src_length,
                    uint32_t flags,
                    const uint8_t *trap_bytes, const uint16_t *trap_units, int32_t trap_count,
                    uint8_t *dst, size_t dst_capacity, size_t *dst_length,
                    cicu_conversion_error *err);

/**
 * Encodes UTF-8 `src` into `charset` bytes in dst.
 *  - Strict: ill-formed UTF-8 returns CICU_INVALID_SEQUENCE (err->offset/bytes); a character
 *    the charset cannot represent (including one that only maps to a trap byte) returns
 *    CICU_UNMAPPABLE with err->offset = its UTF-8 byte offset in src and err->scalar.
 *  - "UTF-16"/"UTF-32" (no endianness) write a BOM, as ICU does.
 * err may be NULL.
 */
int32_t cicu_encode(const char *charset,
                    const uint8_t *src, size_t src_length,
                    uint32_t flags,
                    const uint8_t *trap_bytes, const uint16_t *trap_units, int32_t trap_count,
                    uint8_t *dst, size_t dst_capacity, size_t *dst_length,
                    cicu_conversion_error *err);

/* ---------------------------------------------------------------------------------------------- */
/* Charset detection (ucsdet)                                                                     */
/* ---------------------------------------------------------------------------------------------- */

/** One candidate charset. */
typedef struct cicu_charset_match {
    char name[CICU_NAME_CAPACITY];     /**< ucsdet's name ("GB18030", "UTF-8", "Big5", ...). */
    char language[CICU_NAME_CAPACITY]; /**< ISO language code ("zh", "ja", ...) or "" if unknown. */
    int32_t confidence;                /**< 0...100. */
} cicu_charset_match;

/**
 * Runs ICU's charset detector over `src`; writes up to `capacity` matches, best first, and the
 * total number of matches in *count (so capacity 0 preflights). Returns CICU_OK,
 * CICU_BUFFER_OVERFLOW (more matches than capacity; the first `capacity` are valid),
 * CICU_INVALID_ARGUMENT (input > INT32_MAX bytes) or CICU_ICU_FAILURE.
 */
int32_t cicu_detect(const uint8_t *src, size_t src_length,
                    cicu_charset_match *matches, int32_t capacity, int32_t *count);

/* ---------------------------------------------------------------------------------------------- */
/* Normalization (Normalizer2, UTF-8 in and out)                                                  */
/* ---------------------------------------------------------------------------------------------- */

enum {
    CICU_NFC = 0,
    CICU_NFD = 1,
    CICU_NFKC = 2,
    CICU_NFKD = 3,
};

/**
 * Normalizes UTF-8 `src` to `form` (CICU_NFC...CICU_NFKD) into dst (required size in
 * *dst_length). Ill-formed UTF-8 is passed through by the composing forms and becomes U+FFFD in
 * the decomposing forms (ICU behaviour); callers should pass well-formed UTF-8.
 */
int32_t cicu_normalize_utf8(int32_t form, const uint8_t *src, size_t src_length,
                            uint8_t *dst, size_t dst_capacity, size_t *dst_length);

/** Sets *is_normalized to 1 if UTF-8 `src` is already in `form`, else 0. */
int32_t cicu_is_normalized_utf8(int32_t form, const uint8_t *src, size_t src_length,
                                int32_t *is_normalized);

/* ---------------------------------------------------------------------------------------------- */
/* Scripts (uscript)                                                                              */
/* ---------------------------------------------------------------------------------------------- */

/** A few UScriptCode values (checked against ICU's enum at compile time in CICU). */
enum {
    CICU_SCRIPT_INVALID = -1,
    CICU_SCRIPT_COMMON = 0,
    CICU_SCRIPT_INHERITED = 1,
    CICU_SCRIPT_HAN = 17,
    CICU_SCRIPT_HANGUL = 18,
    CICU_SCRIPT_HIRAGANA = 20,
    CICU_SCRIPT_KATAKANA = 22,
    CICU_SCRIPT_LATIN = 25,
    CICU_SCRIPT_BOPOMOFO = 5,
};

/** The Script property of a code point (uscript_getScript); CICU_SCRIPT_INVALID on error. */
int32_t cicu_script_of(uint32_t code_point);

/**
 * The Script_Extensions of a code point (uscript_getScriptExtensions): writes up to `capacity`
 * codes and returns the total count (> capacity means the list was cut), or -1 on error.
 */
int32_t cicu_script_extensions(uint32_t code_point, int32_t *codes, int32_t capacity);

/** ISO 15924 short name ("Hani") of a script code, or NULL if the code is not valid. */
const char *cicu_script_short_name(int32_t code);

/** Long name ("Han") of a script code, or NULL if the code is not valid. */
const char *cicu_script_long_name(int32_t code);

/** The code for a short or long script name ("Hani", "Han", "Latn"), or CICU_SCRIPT_INVALID. */
int32_t cicu_script_code_for_name(const char *name);

#ifdef __cplusplus
}
#endif

#endif /* CICU_H */
