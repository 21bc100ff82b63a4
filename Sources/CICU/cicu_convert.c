// Charset conversion (ucnv) behind the plain-C API of CICU.h.
//
// Decoding: ucnv_toUnicode (with offsets) into a small UTF-16 pivot on the stack, then our own
// UTF-16 -> UTF-8 writer, which also catches "trap" units (see cicu_charset_info) and lone
// surrogates. Encoding: our own strict UTF-8 reader fills the UTF-16 pivot (remembering the UTF-8
// offset of every unit), then ucnv_fromUnicode.
//
// Converters are cached per thread (ICU converters are not thread-safe; opening one costs about
// 0.5 µs even with ICU's shared-data cache, resetting a cached one about 15 ns).

#include "CICU.h"

#include <pthread.h>
#include <stdbool.h>
#include <stdlib.h>
#include <string.h>

#include <unicode/ucnv.h>
#include <unicode/ucnv_cb.h>
#include <unicode/ucnv_err.h>
#include <unicode/utypes.h>

const char *cicu_icu_error_name(int32_t icu_status) {
    return u_errorName((UErrorCode)icu_status);
}

// MARK: - Per-thread converter cache

enum { CACHE_SLOTS = 4 };

typedef struct conv_cache {
    char names[CACHE_SLOTS][CICU_NAME_CAPACITY];
    UConverter *converters[CACHE_SLOTS];
    unsigned next;
} conv_cache;

static pthread_key_t cache_key;
static pthread_once_t cache_once = PTHREAD_ONCE_INIT;
static bool cache_key_ok = false;
static _Thread_local conv_cache *tl_cache = NULL;

static void cache_destroy(void *p) {
    conv_cache *cache = p;
    if (cache == NULL) return;
    for (int i = 0; i < CACHE_SLOTS; i++) {
        if (cache->converters[i] != NULL) ucnv_close(cache->converters[i]);
    }
    free(cache);
    tl_cache = NULL;
}

static void cache_make_key(void) {
    cache_key_ok = pthread_key_create(&cache_key, cache_destroy) == 0;
}

static conv_cache *thread_cache(void) {
    if (tl_cache != NULL) return tl_cache;
    pthread_once(&cache_once, cache_make_key);
    if (!cache_key_ok) return NULL;
    conv_cache *cache = calloc(1, sizeof *cache);
    if (cache == NULL) return NULL;
    if (pthread_setspecific(cache_key, cache) != 0) {
        free(cache);
        return NULL;
    }
    tl_cache = cache;
    return cache;
}

/// A reset converter for `name`. If *owned is set on return, the caller must ucnv_close it;
/// otherwise it belongs to this thread's cache.
static UConverter *acquire_converter(const char *name, bool *owned, UErrorCode *status) {
    *owned = false;
    size_t length = strlen(name);
    conv_cache *cache = length < CICU_NAME_CAPACITY ? thread_cache() : NULL;
    if (cache != NULL) {
        for (int i = 0; i < CACHE_SLOTS; i++) {
            if (cache->converters[i] != NULL && strcmp(cache->names[i], name) == 0) {
                ucnv_reset(cache->converters[i]);
                return cache->converters[i];
            }
        }
    }
    UConverter *cnv = ucnv_open(name, status);
    if (U_FAILURE(*status)) return NULL;
    *status = U_ZERO_ERROR;  // drop warnings such as U_AMBIGUOUS_ALIAS_WARNING
    if (cache == NULL) {
        *owned = true;
        return cnv;
    }
    unsigned slot = cache->next++ % CACHE_SLOTS;
    if (cache->converters[slot] != NULL) ucnv_close(cache->converters[slot]);
    memcpy(cache->names[slot], name, length + 1);
    cache->converters[slot] = cnv;
    return cnv;
}

static void release_converter(UConverter *cnv, bool owned) {
    if (owned && cnv != NULL) ucnv_close(cnv);
}

static int32_t open_failure(UErrorCode status, cicu_conversion_error *err) {
    if (err != NULL) err->icu_status = status;
    return status == U_MEMORY_ALLOCATION_ERROR ? CICU_ICU_FAILURE : CICU_UNKNOWN_CHARSET;
}

// MARK: - Charset lookup

static void copy_name(char *dst, const char *src) {
    size_t n = strlen(src);
    if (n >= CICU_NAME_CAPACITY) n = CICU_NAME_CAPACITY - 1;
    memcpy(dst, src, n);
    dst[n] = 0;
}

/// Decodes one byte on its own; returns the single UTF-16 unit it maps to, or -1.
static int32_t decode_single_byte(UConverter *cnv, uint8_t byte) {
    UErrorCode status = U_ZERO_ERROR;
    ucnv_reset(cnv);
    ucnv_setToUCallBack(cnv, UCNV_TO_U_CALLBACK_STOP, NULL, NULL, NULL, &status);
    char in = (char)byte;
    const char *s = &in;
    UChar out[4];
    UChar *t = out;
    ucnv_toUnicode(cnv, &t, out + 4, &s, &in + 1, NULL, true, &status);
    if (U_FAILURE(status) || t - out != 1) return -1;
    return out[0];
}

int32_t cicu_charset_lookup(const char *name, cicu_charset_info *info) {
    if (name == NULL || info == NULL) return CICU_INVALID_ARGUMENT;
    memset(info, 0, sizeof *info);
    if (name[0] == 0) return CICU_UNKNOWN_CHARSET;
    // A private converter: the alias given here is usually not the name later calls use, so
    // caching it would only evict useful converters.
    UErrorCode status = U_ZERO_ERROR;
    UConverter *cnv = ucnv_open(name, &status);
    if (U_FAILURE(status) || cnv == NULL) return open_failure(status, NULL);
    status = U_ZERO_ERROR;

    const char *canonical = ucnv_getName(cnv, &status);
    if (U_FAILURE(status) || canonical == NULL) {
        ucnv_close(cnv);
        return CICU_ICU_FAILURE;
    }
    copy_name(info->canonical_name, canonical);
    UErrorCode s1 = U_ZERO_ERROR, s2 = U_ZERO_ERROR;
    const char *standard = ucnv_getStandardName(canonical, "MIME", &s1);
    if (standard == NULL || U_FAILURE(s1)) standard = ucnv_getStandardName(canonical, "IANA", &s2);
    if (standard == NULL || U_FAILURE(s2)) standard = canonical;
    copy_name(info->standard_name, standard);
    info->min_bytes_per_char = ucnv_getMinCharSize(cnv);
    info->max_bytes_per_char = ucnv_getMaxCharSize(cnv);

    // Trap bytes: single bytes that decode silently to a placeholder character.
    bool iso_c1 = decode_single_byte(cnv, 0x85) == 0x85;
    int32_t count = 0;
    for (int b = 0x80; b <= 0xFF; b++) {
        int32_t u = decode_single_byte(cnv, (uint8_t)b);
        bool pua = u >= 0xE000 && u <= 0xF8FF;
        bool c1 = u >= 0x80 && u <= 0x9F;
        if (pua || (c1 && !iso_c1)) {
            info->trap_bytes[count] = (uint8_t)b;
            info->trap_units[count] = (uint16_t)u;
            count++;
        }
    }
    info->trap_count = count;
    ucnv_close(cnv);
    return CICU_OK;
}

// MARK: - Output sink with required-size counting

enum { PIVOT_UNITS = 2048 };

typedef struct byte_sink {
    uint8_t *dst;
    size_t capacity;
    size_t length;  // total bytes produced so far (may exceed capacity)
} byte_sink;

static inline void sink_append(byte_sink *sink, const uint8_t *bytes, size_t n) {
    if (sink->length <= sink->capacity && n <= sink->capacity - sink->length) {
        memcpy(sink->dst + sink->length, bytes, n);
    }
    sink->length += n;
}

static void fill_error(cicu_conversion_error *err, size_t offset, const uint8_t *bytes, size_t n,
                       int32_t icu_status) {
    if (err == NULL) return;
    err->offset = offset;
    if (n > sizeof err->bytes) n = sizeof err->bytes;
    if (n > 0) memcpy(err->bytes, bytes, n);
    err->length = (int32_t)n;
    err->icu_status = icu_status;
}

// MARK: - Decoding

static void U_CALLCONV to_u_replacement(const void *context, UConverterToUnicodeArgs *args,
                                        const char *code_units, int32_t length,
                                        UConverterCallbackReason reason, UErrorCode *status) {
    (void)context;
    (void)code_units;
    (void)length;
    if (reason > UCNV_IRREGULAR) return;  // reset / close / clone: nothing to do
    static const UChar replacement = 0xFFFD;
    *status = U_ZERO_ERROR;
    ucnv_cbToUWriteUChars(args, &replacement, 1, 0, status);
}

typedef struct decode_state {
    const uint8_t *src;
    size_t src_length;
    bool strict;
    const uint8_t *trap_bytes;
    const uint16_t *trap_units;
    int32_t trap_count;
    byte_sink sink;
    int32_t pending_lead;  // a lead surrogate left at the end of the previous pivot chunk, or -1
    size_t pending_offset;
    cicu_conversion_error *err;
} decode_state;

static bool is_trap(const decode_state *st, uint32_t unit, size_t offset) {
    if (offset >= st->src_length) return false;
    uint8_t byte = st->src[offset];
    for (int32_t k = 0; k < st->trap_count; k++) {
        if (st->trap_units[k] == unit && st->trap_bytes[k] == byte) return true;
    }
    return false;
}

static inline uint8_t *put_utf8(uint8_t *o, uint32_t c) {
    if (c < 0x80) {
        *o++ = (uint8_t)c;
    } else if (c < 0x800) {
        *o++ = (uint8_t)(0xC0 | (c >> 6));
        *o++ = (uint8_t)(0x80 | (c & 0x3F));
    } else if (c < 0x10000) {
        *o++ = (uint8_t)(0xE0 | (c >> 12));
        *o++ = (uint8_t)(0x80 | ((c >> 6) & 0x3F));
        *o++ = (uint8_t)(0x80 | (c & 0x3F));
    } else {
        *o++ = (uint8_t)(0xF0 | (c >> 18));
        *o++ = (uint8_t)(0x80 | ((c >> 12) & 0x3F));
        *o++ = (uint8_t)(0x80 | ((c >> 6) & 0x3F));
        *o++ = (uint8_t)(0x80 | (c & 0x3F));
    }
    return o;
}

/// Absolute source offset of pivot unit i (base = offset of the call's first source byte).
static inline size_t unit_offset(const int32_t *offsets, int32_t i, size_t base) {
    return offsets[i] >= 0 ? base + (size_t)offsets[i] : base;
}

/// Source length of the sequence behind pivot unit i (for error reports on odd output).
static size_t unit_source_length(const int32_t *offsets, int32_t i, int32_t n, size_t consumed) {
    if (offsets[i] < 0) return 1;
    for (int32_t j = i + 1; j < n; j++) {
        if (offsets[j] >= 0 && offsets[j] != offsets[i]) return (size_t)(offsets[j] - offsets[i]);
    }
    return consumed > (size_t)offsets[i] ? consumed - (size_t)offsets[i] : 1;
}

static int32_t lone_surrogate(decode_state *st, size_t offset, size_t length, uint8_t **o) {
    if (st->strict) {
        if (offset + length > st->src_length) length = st->src_length - offset;
        fill_error(st->err, offset, st->src + offset, length, U_ILLEGAL_CHAR_FOUND);
        return CICU_INVALID_SEQUENCE;
    }
    *o = put_utf8(*o, 0xFFFD);
    return CICU_OK;
}

/// Writes pivot[0..<n] as UTF-8; `base` is the source offset the offsets are relative to and
/// `consumed` how many source bytes this ucnv call consumed.
static int32_t emit_pivot(decode_state *st, const UChar *pivot, const int32_t *offsets, int32_t n,
                          size_t base, size_t consumed) {
    // Worst case 3 bytes per unit, plus 4 for a pending lead surrogate completed here.
    uint8_t scratch[3 * PIVOT_UNITS + 8];
    size_t worst = 3 * (size_t)n + 8;
    byte_sink *sink = &st->sink;
    bool direct = sink->length <= sink->capacity && worst <= sink->capacity - sink->length;
    uint8_t *start = direct ? sink->dst + sink->length : scratch;
    uint8_t *o = start;
    int32_t rc;

    for (int32_t i = 0; i < n; i++) {
        uint32_t c = pivot[i];
        if (st->pending_lead >= 0) {
            if (c >= 0xDC00 && c <= 0xDFFF) {
                c = 0x10000 + (((uint32_t)st->pending_lead - 0xD800) << 10) + (c - 0xDC00);
                st->pending_lead = -1;
                o = put_utf8(o, c);
                continue;
            }
            st->pending_lead = -1;
            if ((rc = lone_surrogate(st, st->pending_offset, 1, &o)) != CICU_OK) return rc;
        }
        if (c < 0x80) {
            *o++ = (uint8_t)c;
            continue;
        }
        if (c >= 0xD800 && c <= 0xDFFF) {
            if (c <= 0xDBFF) {
                if (i + 1 < n) {
                    uint32_t d = pivot[i + 1];
                    if (d >= 0xDC00 && d <= 0xDFFF) {
                        o = put_utf8(o, 0x10000 + ((c - 0xD800) << 10) + (d - 0xDC00));
                        i++;
                        continue;
                    }
                } else {
                    st->pending_lead = (int32_t)c;
                    st->pending_offset = unit_offset(offsets, i, base);
                    continue;
                }
            }
            rc = lone_surrogate(st, unit_offset(offsets, i, base),
                                unit_source_length(offsets, i, n, consumed), &o);
            if (rc != CICU_OK) return rc;
            continue;
        }
        if (st->trap_count > 0 && ((c >= 0x80 && c <= 0x9F) || (c >= 0xE000 && c <= 0xF8FF)) &&
            offsets[i] >= 0) {
            size_t offset = base + (size_t)offsets[i];
            if (is_trap(st, c, offset)) {
                if (st->strict) {
                    fill_error(st->err, offset, st->src + offset, 1, 0);
                    return CICU_INVALID_SEQUENCE;
                }
                c = 0xFFFD;
            }
        }
        o = put_utf8(o, c);
    }
    size_t produced = (size_t)(o - start);
    if (direct) {
        sink->length += produced;
    } else {
        sink_append(sink, scratch, produced);
    }
    return CICU_OK;
}

int32_t cicu_decode(const char *charset, const uint8_t *src, size_t src_length, uint32_t flags,
                    const uint8_t *trap_bytes, const uint16_t *trap_units, int32_t trap_count,
                    uint8_t *dst, size_t dst_capacity, size_t *dst_length,
                    cicu_conversion_error *err) {
    static const uint8_t empty = 0;
    if (dst_length != NULL) *dst_length = 0;
    if (err != NULL) memset(err, 0, sizeof *err);
    if (charset == NULL || dst_length == NULL || (src == NULL && src_length > 0) ||
        (dst == NULL && dst_capacity > 0) ||
        (trap_count > 0 && (trap_bytes == NULL || trap_units == NULL))) {
        return CICU_INVALID_ARGUMENT;
    }
    if (src == NULL) src = &empty;

    UErrorCode status = U_ZERO_ERROR;
    bool owned;
    UConverter *cnv = acquire_converter(charset, &owned, &status);
    if (cnv == NULL) return open_failure(status, err);
    bool strict = (flags & CICU_SUBSTITUTE) == 0;
    if (strict) {
        ucnv_setToUCallBack(cnv, UCNV_TO_U_CALLBACK_STOP, NULL, NULL, NULL, &status);
    } else {
        ucnv_setToUCallBack(cnv, to_u_replacement, NULL, NULL, NULL, &status);
    }

    decode_state st = {
        .src = src, .src_length = src_length, .strict = strict,
        .trap_bytes = trap_bytes, .trap_units = trap_units,
        .trap_count = trap_count > 0 ? trap_count : 0,
        .sink = {.dst = dst, .capacity = dst == NULL ? 0 : dst_capacity, .length = 0},
        .pending_lead = -1, .pending_offset = 0, .err = err,
    };
    UChar pivot[PIVOT_UNITS];
    int32_t offsets[PIVOT_UNITS];
    const char *s = (const char *)src;
    const char *end = s + src_length;
    int32_t rc = CICU_OK;

    for (;;) {
        UChar *t = pivot;
        const char *call_start = s;
        status = U_ZERO_ERROR;
        ucnv_toUnicode(cnv, &t, pivot + PIVOT_UNITS, &s, end, offsets, true, &status);
        size_t base = (size_t)(call_start - (const char *)src);
        rc = emit_pivot(&st, pivot, offsets, (int32_t)(t - pivot), base, (size_t)(s - call_start));
        if (rc != CICU_OK) break;
        if (status == U_BUFFER_OVERFLOW_ERROR) continue;
        if (U_FAILURE(status)) {
            if (status == U_ILLEGAL_CHAR_FOUND || status == U_INVALID_CHAR_FOUND ||
                status == U_TRUNCATED_CHAR_FOUND || status == U_ILLEGAL_ESCAPE_SEQUENCE ||
                status == U_UNSUPPORTED_ESCAPE_SEQUENCE) {
                char bad[32];
                int8_t bad_length = (int8_t)sizeof bad;
                UErrorCode s2 = U_ZERO_ERROR;
                ucnv_getInvalidChars(cnv, bad, &bad_length, &s2);
                if (U_FAILURE(s2)) bad_length = 0;
                size_t consumed = (size_t)(s - (const char *)src);
                size_t offset = consumed >= (size_t)bad_length ? consumed - (size_t)bad_length : 0;
                fill_error(err, offset, (const uint8_t *)bad, (size_t)bad_length, status);
                rc = CICU_INVALID_SEQUENCE;
            } else {
                if (err != NULL) err->icu_status = status;
                rc = CICU_ICU_FAILURE;
            }
            break;
        }
        break;
    }
    if (rc == CICU_OK && st.pending_lead >= 0) {
        uint8_t tail[4];
        uint8_t *o = tail;
        rc = lone_surrogate(&st, st.pending_offset, 1, &o);
        if (rc == CICU_OK) sink_append(&st.sink, tail, (size_t)(o - tail));
    }
    release_converter(cnv, owned);
    if (rc != CICU_OK) return rc;
    *dst_length = st.sink.length;
    return st.sink.length > st.sink.capacity ? CICU_BUFFER_OVERFLOW : CICU_OK;
}

// MARK: - Encoding

/// Reads one UTF-8 sequence (Unicode 'maximal subpart' rules). Returns its length (>= 1) and
/// sets *cp to the scalar, or to -1 if the `length` bytes are an ill-formed subpart.
static inline size_t utf8_next(const uint8_t *s, size_t avail, int32_t *cp) {
    uint8_t b0 = s[0];
    if (b0 < 0x80) {
        *cp = b0;
        return 1;
    }
    *cp = -1;
    if (b0 < 0xC2) return 1;
    if (b0 < 0xE0) {
        if (avail < 2 || (s[1] & 0xC0) != 0x80) return 1;
        *cp = ((b0 & 0x1F) << 6) | (s[1] & 0x3F);
        return 2;
    }
    if (b0 < 0xF0) {
        uint8_t lo = b0 == 0xE0 ? 0xA0 : 0x80, hi = b0 == 0xED ? 0x9F : 0xBF;
        if (avail < 2 || s[1] < lo || s[1] > hi) return 1;
        if (avail < 3 || (s[2] & 0xC0) != 0x80) return 2;
        *cp = ((b0 & 0x0F) << 12) | ((s[1] & 0x3F) << 6) | (s[2] & 0x3F);
        return 3;
    }
    if (b0 < 0xF5) {
        uint8_t lo = b0 == 0xF0 ? 0x90 : 0x80, hi = b0 == 0xF4 ? 0x8F : 0xBF;
        if (avail < 2 || s[1] < lo || s[1] > hi) return 1;
        if (avail < 3 || (s[2] & 0xC0) != 0x80) return 2;
        if (avail < 4 || (s[3] & 0xC0) != 0x80) return 3;
        *cp = ((b0 & 0x07) << 18) | ((s[1] & 0x3F) << 12) | ((s[2] & 0x3F) << 6) | (s[3] & 0x3F);
        return 4;
    }
    return 1;
}

/// Runs ucnv_fromUnicode over units[0..<n], writing into the sink (or counting past its end).
static UErrorCode from_unicode(UConverter *cnv, byte_sink *sink, const UChar **source,
                               const UChar *source_end, bool flush) {
    char scratch[1024];
    for (;;) {
        bool direct = sink->length < sink->capacity;
        char *target_start = direct ? (char *)sink->dst + sink->length : scratch;
        char *target_end = direct ? (char *)sink->dst + sink->capacity : scratch + sizeof scratch;
        char *t = target_start;
        UErrorCode status = U_ZERO_ERROR;
        ucnv_fromUnicode(cnv, &t, target_end, source, source_end, NULL, flush, &status);
        sink->length += (size_t)(t - target_start);
        if (status == U_BUFFER_OVERFLOW_ERROR) continue;
        return status;
    }
}

int32_t cicu_encode(const char *charset, const uint8_t *src, size_t src_length, uint32_t flags,
                    const uint8_t *trap_bytes, const uint16_t *trap_units, int32_t trap_count,
                    uint8_t *dst, size_t dst_capacity, size_t *dst_length,
                    cicu_conversion_error *err) {
    (void)trap_bytes;
    if (dst_length != NULL) *dst_length = 0;
    if (err != NULL) memset(err, 0, sizeof *err);
    if (charset == NULL || dst_length == NULL || (src == NULL && src_length > 0) ||
        (dst == NULL && dst_capacity > 0) || (trap_count > 0 && trap_units == NULL)) {
        return CICU_INVALID_ARGUMENT;
    }
    if (trap_count < 0) trap_count = 0;

    UErrorCode status = U_ZERO_ERROR;
    bool owned;
    UConverter *cnv = acquire_converter(charset, &owned, &status);
    if (cnv == NULL) return open_failure(status, err);
    bool strict = (flags & CICU_SUBSTITUTE) == 0;
    ucnv_setFromUCallBack(cnv, strict ? UCNV_FROM_U_CALLBACK_STOP : UCNV_FROM_U_CALLBACK_SUBSTITUTE,
                          NULL, NULL, NULL, &status);

    byte_sink sink = {.dst = dst, .capacity = dst == NULL ? 0 : dst_capacity, .length = 0};
    UChar pivot[PIVOT_UNITS];
    uint32_t unit_offsets[PIVOT_UNITS];  // UTF-8 offset (relative to chunk start) of each unit
    size_t pos = 0;
    int32_t rc = CICU_OK;

    for (;;) {
        // Fill the pivot from UTF-8, stopping before anything that needs special handling.
        size_t chunk_start = pos;
        int32_t n = 0;
        enum { NONE, INVALID, TRAP } special = NONE;
        int32_t special_cp = 0;
        size_t special_length = 0;
        while (pos < src_length && n <= PIVOT_UNITS - 2) {
            int32_t cp;
            size_t len = utf8_next(src + pos, src_length - pos, &cp);
            if (cp < 0) {
                if (strict) {
                    special = INVALID;
                    special_length = len;
                    break;
                }
                cp = 0xFFFD;
            } else if (trap_count > 0 && ((cp >= 0x80 && cp <= 0x9F) || (cp >= 0xE000 && cp <= 0xF8FF))) {
                bool trap = false;
                for (int32_t k = 0; k < trap_count; k++) trap |= trap_units[k] == cp;
                if (trap) {
                    special = TRAP;
                    special_cp = cp;
                    special_length = len;
                    break;
                }
            }
            uint32_t rel = (uint32_t)(pos - chunk_start);
            if (cp < 0x10000) {
                unit_offsets[n] = rel;
                pivot[n++] = (UChar)cp;
            } else {
                unit_offsets[n] = rel;
                pivot[n++] = (UChar)(0xD7C0 + (cp >> 10));
                unit_offsets[n] = rel;
                pivot[n++] = (UChar)(0xDC00 | (cp & 0x3FF));
            }
            pos += len;
        }
        bool flush = special == NONE && pos >= src_length;

        const UChar *us = pivot;
        status = from_unicode(cnv, &sink, &us, pivot + n, flush);
        if (U_FAILURE(status)) {
            if (strict && (status == U_INVALID_CHAR_FOUND || status == U_ILLEGAL_CHAR_FOUND)) {
                UChar bad[32];
                int8_t bad_length = (int8_t)(sizeof bad / sizeof bad[0]);
                UErrorCode s2 = U_ZERO_ERROR;
                ucnv_getInvalidUChars(cnv, bad, &bad_length, &s2);
                if (U_FAILURE(s2) || bad_length <= 0) bad_length = 1;
                int32_t index = (int32_t)(us - pivot) - bad_length;
                if (index < 0) index = 0;
                if (index >= n) index = n > 0 ? n - 1 : 0;
                size_t offset = chunk_start + (n > 0 ? unit_offsets[index] : 0);
                int32_t cp;
                size_t len = utf8_next(src + offset, src_length - offset, &cp);
                fill_error(err, offset, src + offset, len, status);
                if (err != NULL) err->scalar = cp < 0 ? 0xFFFD : (uint32_t)cp;
                rc = CICU_UNMAPPABLE;
            } else {
                if (err != NULL) err->icu_status = status;
                rc = CICU_ICU_FAILURE;
            }
            break;
        }
        if (special == INVALID) {
            fill_error(err, pos, src + pos, special_length, U_ILLEGAL_CHAR_FOUND);
            rc = CICU_INVALID_SEQUENCE;
            break;
        }
        if (special == TRAP) {
            if (strict) {
                fill_error(err, pos, src + pos, special_length, U_INVALID_CHAR_FOUND);
                if (err != NULL) err->scalar = (uint32_t)special_cp;
                rc = CICU_UNMAPPABLE;
                break;
            }
            char sub[8];
            int8_t sub_length = (int8_t)sizeof sub;
            UErrorCode s2 = U_ZERO_ERROR;
            ucnv_getSubstChars(cnv, sub, &sub_length, &s2);
            if (U_SUCCESS(s2)) sink_append(&sink, (const uint8_t *)sub, (size_t)sub_length);
            pos += special_length;
            continue;
        }
        if (flush) break;
    }
    release_converter(cnv, owned);
    if (rc != CICU_OK) return rc;
    *dst_length = sink.length;
    return sink.length > sink.capacity ? CICU_BUFFER_OVERFLOW : CICU_OK;
}
