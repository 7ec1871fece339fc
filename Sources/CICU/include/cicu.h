// cicu: a small C face over the system ICU for mtaudit.
//
// This header deliberately includes nothing but <stdint.h>: Swift modules that import it never see
// an ICU type, so the system ICU (libicu-dev) and the ICU inside Foundation on Linux cannot clash.
// Every function reports failure through an int32_t status: 0 is success, a negative value is one of
// the CICU_E_* codes below, and a positive value is ICU's own UErrorCode.
//
// Texts cross this boundary as UTF-8 bytes (pointer + length); offsets are UTF-8 byte offsets.
#ifndef CICU_H
#define CICU_H

#include <stdint.h>

#ifdef __cplusplus
extern "C" {
#endif

static const int32_t CICU_OK = 0;
static const int32_t CICU_E_BUFFER_TOO_SMALL = -1;
static const int32_t CICU_E_INVALID_ARGUMENT = -2;
static const int32_t CICU_E_ILLEGAL_BYTES = -3;
static const int32_t CICU_E_UNKNOWN_ENCODING = -4;
static const int32_t CICU_E_OUT_OF_MEMORY = -5;

/// The ICU version this shim was built against, e.g. "72.1". Static storage.
const char *cicu_icu_version(void);

/// A short English description of a status code (CICU_E_* or UErrorCode). Static storage.
const char *cicu_status_name(int32_t status);

// MARK: UTF-8 validation

/// Index of the first byte that does not begin or continue a well-formed UTF-8 sequence, or -1 when
/// all `length` bytes are well formed. Overlong forms, surrogates and values over U+10FFFF are invalid.
int64_t cicu_utf8_first_invalid(const uint8_t *bytes, int64_t length);

// MARK: Charset conversion and detection

/// Converts `length` bytes in the charset `encoding` (an ICU converter name or alias) to UTF-8.
/// Returns the number of UTF-8 bytes needed; writes at most `capacity` of them. Illegal input stops
/// the conversion with CICU_E_ILLEGAL_BYTES and `*error_offset` set to the byte offset of the input.
int64_t cicu_convert_to_utf8(const char *encoding, const uint8_t *bytes, int64_t length,
                             uint8_t *out, int64_t capacity, int64_t *error_offset, int32_t *status);

/// Best guess at the charset of `bytes`: writes its ICU name (NUL-terminated, truncated to
/// `name_capacity`) and returns the confidence 0-100, or a negative value on failure.
int32_t cicu_detect_charset(const uint8_t *bytes, int64_t length, char *name, int32_t name_capacity,
                            int32_t *status);

// MARK: Normalization

static const int32_t CICU_NORM_NFC = 0;
static const int32_t CICU_NORM_NFD = 1;
static const int32_t CICU_NORM_NFKC = 2;
static const int32_t CICU_NORM_NFKC_CASEFOLD = 3;

/// Normalizes UTF-8 text. Returns the number of output bytes needed; writes at most `capacity`.
/// When `origin` is not NULL it must have room for `capacity + 1` entries: `origin[i]` receives the
/// input byte offset where the change producing output byte i begins (unchanged bytes map one to
/// one), and `origin[n]` receives `length`. Output that cannot be mapped finer (one input sequence
/// becoming several output characters) maps every output byte to the start of that sequence.
int64_t cicu_normalize_utf8(int32_t form, const uint8_t *text, int64_t length,
                            uint8_t *out, int64_t capacity, int32_t *origin, int32_t *status);

/// 1 when `text` is already in `form`, 0 when not, negative on error.
int32_t cicu_is_normalized_utf8(int32_t form, const uint8_t *text, int64_t length, int32_t *status);

// MARK: Segmentation (break iteration over UTF-8, without copying to UTF-16)

static const int32_t CICU_BREAK_CHARACTER = 0;
static const int32_t CICU_BREAK_WORD = 1;
static const int32_t CICU_BREAK_LINE = 2;
static const int32_t CICU_BREAK_SENTENCE = 3;

typedef struct cicu_breaker cicu_breaker;

/// Opens a break iterator of `kind` for `locale` (e.g. "en@ss=standard"). Not thread-safe: use one
/// per thread or task. NULL on failure, with `*status` set.
cicu_breaker *cicu_breaker_open(int32_t kind, const char *locale, int32_t *status);
void cicu_breaker_close(cicu_breaker *breaker);

/// Fills `boundaries` with every boundary of `text` in increasing order, the first being 0 and the
/// last `length`, and `rule_status[i]` with ICU's rule status of the segment ending at boundary i
/// (word kinds: 0 none, 100 number, 200 letter, 300 kana, 400 ideographic; `rule_status[0]` is 0).
/// Both arrays need `length + 2` entries. Returns the count of boundaries.
int64_t cicu_breaker_run(cicu_breaker *breaker, const uint8_t *text, int64_t length,
                         int32_t *boundaries, int32_t *rule_status, int32_t *status);

/// The strings after which a sentence break iterator opened for `locale` (with "@ss=standard") does
/// not break, as ICU's filtered sentence iterator loads them (its "exceptions/SentenceBreak" list,
/// none for a locale whose bundle falls back to the default locale), in UTF-8, each followed by a
/// 0 byte. Returns the byte count needed (0 for none), writes at most `capacity`.
int64_t cicu_sentence_break_exceptions(const char *locale, uint8_t *out, int64_t capacity, int32_t *status);

// MARK: Transliteration

typedef struct cicu_transliterator cicu_transliterator;

/// Opens a transliterator by ICU id (e.g. "Any-Latin; Latin-ASCII"). Not thread-safe.
cicu_transliterator *cicu_transliterator_open(const char *identifier, int32_t *status);
void cicu_transliterator_close(cicu_transliterator *transliterator);

/// Transliterates UTF-8 text; returns the UTF-8 byte count needed, writes at most `capacity`.
int64_t cicu_transliterate_utf8(cicu_transliterator *transliterator, const uint8_t *text,
                                int64_t length, uint8_t *out, int64_t capacity, int32_t *status);

// MARK: Scripts and confusables

/// ICU's UScriptCode of a code point (0 Common, 1 Inherited, 25 Latin, ...), negative on error.
int32_t cicu_script_of(uint32_t code_point);

/// The four-letter ISO 15924 code of a UScriptCode ("Latn"), or "Zzzz". Static storage.
const char *cicu_script_short_name(int32_t script);

typedef struct cicu_spoof_checker cicu_spoof_checker;

/// Opens a confusable-skeleton maker (UTS #39). Not thread-safe.
cicu_spoof_checker *cicu_spoof_open(int32_t *status);
void cicu_spoof_close(cicu_spoof_checker *checker);

/// Writes the UTS #39 skeleton of UTF-8 `text`: two strings are visually confusable when their
/// skeletons are equal. Returns the UTF-8 byte count needed, writes at most `capacity`.
int64_t cicu_spoof_skeleton_utf8(cicu_spoof_checker *checker, const uint8_t *text, int64_t length,
                                 uint8_t *out, int64_t capacity, int32_t *status);

#ifdef __cplusplus
}
#endif

#endif
