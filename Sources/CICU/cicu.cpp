// The only file in mtaudit that includes ICU headers. See include/cicu.h for the contract.
#include "cicu.h"

#include <string>
#include <vector>
#include <cstring>

#include <unicode/uversion.h>
#include <unicode/utypes.h>
#include <unicode/ucnv.h>
#include <unicode/ucsdet.h>
#include <unicode/normalizer2.h>
#include <unicode/edits.h>
#include <unicode/bytestream.h>
#include <unicode/ubrk.h>
#include <unicode/ures.h>
#include <unicode/udata.h>
#include <unicode/locid.h>
#include <unicode/utext.h>
#include <unicode/translit.h>
#include <unicode/unistr.h>
#include <unicode/uscript.h>
#include <unicode/uspoof.h>
#include <unicode/ustring.h>
#include <unicode/utf8.h>
#include <unicode/utf16.h>

namespace {

int32_t fail(int32_t *status, int32_t code) {
    if (status) *status = code;
    return code;
}

int64_t copy_out(const std::string &s, uint8_t *out, int64_t capacity, int32_t *status) {
    const int64_t n = (int64_t)s.size();
    if (n > capacity) {
        *status = CICU_E_BUFFER_TOO_SMALL;
    } else {
        if (n) std::memcpy(out, s.data(), (size_t)n);
        *status = CICU_OK;
    }
    return n;
}

const icu::Normalizer2 *normalizer(int32_t form, UErrorCode &err) {
    switch (form) {
    case CICU_NORM_NFC: return icu::Normalizer2::getNFCInstance(err);
    case CICU_NORM_NFD: return icu::Normalizer2::getNFDInstance(err);
    case CICU_NORM_NFKC: return icu::Normalizer2::getNFKCInstance(err);
    case CICU_NORM_NFKC_CASEFOLD: return icu::Normalizer2::getNFKCCasefoldInstance(err);
    default: err = U_ILLEGAL_ARGUMENT_ERROR; return nullptr;
    }
}

bool fits_int32(int64_t length) { return length >= 0 && length < INT32_MAX - 2; }

} // namespace

extern "C" {

const char *cicu_icu_version(void) { return U_ICU_VERSION; }

const char *cicu_status_name(int32_t status) {
    switch (status) {
    case CICU_OK: return "ok";
    case CICU_E_BUFFER_TOO_SMALL: return "buffer too small";
    case CICU_E_INVALID_ARGUMENT: return "invalid argument";
    case CICU_E_ILLEGAL_BYTES: return "illegal byte sequence";
    case CICU_E_UNKNOWN_ENCODING: return "unknown encoding";
    case CICU_E_OUT_OF_MEMORY: return "out of memory";
    default: return u_errorName((UErrorCode)status);
    }
}

int64_t cicu_utf8_first_invalid(const uint8_t *s, int64_t n) {
    int64_t i = 0;
    while (i < n) {
        // Fast path over 8 ASCII bytes at a time.
        while (i + 8 <= n) {
            uint64_t w;
            std::memcpy(&w, s + i, 8);
            if (w & 0x8080808080808080ULL) break;
            i += 8;
        }
        if (i >= n) break;
        const uint8_t c = s[i];
        if (c < 0x80) { i += 1; continue; }
        int need; uint8_t lo = 0x80, hi = 0xBF;
        if (c >= 0xC2 && c <= 0xDF) need = 1;
        else if (c == 0xE0) { need = 2; lo = 0xA0; }
        else if (c == 0xED) { need = 2; hi = 0x9F; }
        else if (c >= 0xE1 && c <= 0xEF) need = 2;
        else if (c == 0xF0) { need = 3; lo = 0x90; }
        else if (c >= 0xF1 && c <= 0xF3) need = 3;
        else if (c == 0xF4) { need = 3; hi = 0x8F; }
        else return i;
        if (i + need >= n) return i;  // truncated sequence
        if (s[i + 1] < lo || s[i + 1] > hi) return i;
        for (int k = 2; k <= need; k++)
            if ((s[i + k] & 0xC0) != 0x80) return i;
        i += need + 1;
    }
    return -1;
}

int64_t cicu_convert_to_utf8(const char *encoding, const uint8_t *bytes, int64_t length,
                             uint8_t *out, int64_t capacity, int64_t *error_offset, int32_t *status) {
    if (error_offset) *error_offset = -1;
    if (!encoding || !status || (!bytes && length) || length < 0) return fail(status, CICU_E_INVALID_ARGUMENT);
    UErrorCode err = U_ZERO_ERROR;
    UConverter *cnv = ucnv_open(encoding, &err);
    if (U_FAILURE(err) || !cnv) {
        if (cnv) ucnv_close(cnv);
        return fail(status, err == U_FILE_ACCESS_ERROR ? CICU_E_UNKNOWN_ENCODING : (int32_t)err);
    }
    err = U_ZERO_ERROR;
    ucnv_setToUCallBack(cnv, UCNV_TO_U_CALLBACK_STOP, nullptr, nullptr, nullptr, &err);

    std::string utf8;
    utf8.reserve((size_t)length + length / 2 + 16);
    UChar chunk[4096];
    char bytes8[4096 * 3 + 4];
    const char *src = (const char *)bytes;
    const char *limit = src + length;
    bool done = false;
    while (!done) {
        UChar *target = chunk;
        err = U_ZERO_ERROR;
        ucnv_toUnicode(cnv, &target, chunk + 4096, &src, limit, nullptr, /*flush*/ true, &err);
        if (err == U_BUFFER_OVERFLOW_ERROR) {
            err = U_ZERO_ERROR;
        } else if (U_FAILURE(err)) {
            char invalid[32];
            int8_t invalid_length = sizeof invalid;
            UErrorCode e2 = U_ZERO_ERROR;
            ucnv_getInvalidChars(cnv, invalid, &invalid_length, &e2);
            if (error_offset) *error_offset = (int64_t)(src - (const char *)bytes) - (U_SUCCESS(e2) ? invalid_length : 0);
            ucnv_close(cnv);
            return fail(status, CICU_E_ILLEGAL_BYTES);
        } else {
            done = true;
        }
        int32_t n8 = 0;
        UErrorCode e3 = U_ZERO_ERROR;
        u_strToUTF8(bytes8, (int32_t)sizeof bytes8, &n8, chunk, (int32_t)(target - chunk), &e3);
        if (U_FAILURE(e3)) { ucnv_close(cnv); return fail(status, (int32_t)e3); }
        utf8.append(bytes8, (size_t)n8);
    }
    ucnv_close(cnv);
    return copy_out(utf8, out, capacity, status);
}

int32_t cicu_detect_charset(const uint8_t *bytes, int64_t length, char *name, int32_t name_capacity,
                            int32_t *status) {
    if (!status || !name || name_capacity < 1 || !fits_int32(length)) return fail(status, CICU_E_INVALID_ARGUMENT);
    UErrorCode err = U_ZERO_ERROR;
    UCharsetDetector *det = ucsdet_open(&err);
    if (U_FAILURE(err)) return fail(status, (int32_t)err);
    ucsdet_setText(det, (const char *)bytes, (int32_t)length, &err);
    const UCharsetMatch *match = ucsdet_detect(det, &err);
    if (U_FAILURE(err) || !match) {
        ucsdet_close(det);
        return fail(status, U_FAILURE(err) ? (int32_t)err : CICU_E_UNKNOWN_ENCODING);
    }
    const char *found = ucsdet_getName(match, &err);
    int32_t confidence = ucsdet_getConfidence(match, &err);
    if (U_FAILURE(err) || !found) { ucsdet_close(det); return fail(status, (int32_t)err); }
    std::strncpy(name, found, (size_t)name_capacity - 1);
    name[name_capacity - 1] = 0;
    ucsdet_close(det);
    *status = CICU_OK;
    return confidence;
}

int64_t cicu_normalize_utf8(int32_t form, const uint8_t *text, int64_t length,
                            uint8_t *out, int64_t capacity, int32_t *origin, int32_t *status) {
    if (!status || (!text && length) || !fits_int32(length)) return fail(status, CICU_E_INVALID_ARGUMENT);
    UErrorCode err = U_ZERO_ERROR;
    const icu::Normalizer2 *n = normalizer(form, err);
    if (U_FAILURE(err)) return fail(status, (int32_t)err);
    std::string result;
    result.reserve((size_t)length + 16);
    icu::StringByteSink<std::string> sink(&result);
    icu::Edits edits;
    n->normalizeUTF8(0, icu::StringPiece((const char *)text, (int32_t)length), sink,
                     origin ? &edits : nullptr, err);
    if (U_FAILURE(err)) return fail(status, (int32_t)err);
    const int64_t produced = copy_out(result, out, capacity, status);
    if (*status != CICU_OK || !origin) return produced;
    for (int64_t i = 0; i < produced; i++) origin[i] = (int32_t)(i < length ? i : length);
    icu::Edits::Iterator it = edits.getFineIterator();
    while (it.next(err)) {
        const int32_t src = it.sourceIndex(), dst = it.destinationIndex(), nl = it.newLength();
        for (int32_t k = 0; k < nl && dst + k < produced; k++)
            origin[dst + k] = it.hasChange() ? src : src + k;
    }
    if (U_FAILURE(err)) return fail(status, (int32_t)err);
    origin[produced] = (int32_t)length;
    return produced;
}

int32_t cicu_is_normalized_utf8(int32_t form, const uint8_t *text, int64_t length, int32_t *status) {
    if (!status || (!text && length) || !fits_int32(length)) return fail(status, CICU_E_INVALID_ARGUMENT);
    UErrorCode err = U_ZERO_ERROR;
    const icu::Normalizer2 *n = normalizer(form, err);
    if (U_FAILURE(err)) return fail(status, (int32_t)err);
    icu::UnicodeString s = icu::UnicodeString::fromUTF8(icu::StringPiece((const char *)text, (int32_t)length));
    UBool yes = n->isNormalized(s, err);
    if (U_FAILURE(err)) return fail(status, (int32_t)err);
    *status = CICU_OK;
    return yes ? 1 : 0;
}

struct cicu_breaker {
    UBreakIterator *iterator;
    // The text of the last run in UTF-16, which break iterators read natively (over a UTF-8 UText
    // every step maps chunks of bytes), and for each unit, and one past the last, the UTF-8 offset
    // of its code point: the boundaries are mapped back through it. Kept from run to run (up to 64K
    // units), so that the buffers are not allocated again; the iterator reads `units` until the next
    // run sets it.
    std::vector<UChar> units;
    std::vector<int32_t> offsets;
};

cicu_breaker *cicu_breaker_open(int32_t kind, const char *locale, int32_t *status) {
    if (!status || kind < 0 || kind > 3) { fail(status, CICU_E_INVALID_ARGUMENT); return nullptr; }
    UErrorCode err = U_ZERO_ERROR;
    UBreakIterator *bi = ubrk_open((UBreakIteratorType)kind, locale, nullptr, 0, &err);
    if (U_FAILURE(err)) { fail(status, (int32_t)err); return nullptr; }
    cicu_breaker *b = new (std::nothrow) cicu_breaker{bi, {}, {}};
    if (!b) { ubrk_close(bi); fail(status, CICU_E_OUT_OF_MEMORY); return nullptr; }
    *status = CICU_OK;
    return b;
}

void cicu_breaker_close(cicu_breaker *breaker) {
    if (!breaker) return;
    ubrk_close(breaker->iterator);
    delete breaker;
}

int64_t cicu_breaker_run(cicu_breaker *breaker, const uint8_t *text, int64_t length,
                         int32_t *boundaries, int32_t *rule_status, int32_t *status) {
    if (!status || !breaker || !boundaries || !rule_status || !fits_int32(length) || (!text && length))
        return fail(status, CICU_E_INVALID_ARGUMENT);
    static const UChar empty[1] = {0};
    std::vector<UChar> &units = breaker->units;
    std::vector<int32_t> &offsets = breaker->offsets;
    units.clear();
    offsets.clear();
    try {
        units.reserve((size_t)length);
        offsets.reserve((size_t)length + 1);
        const int32_t n = (int32_t)length;
        int32_t i = 0;
        while (i < n) {
            const int32_t start = i;
            UChar32 c;
            U8_NEXT(text, i, n, c);
            if (c < 0) c = 0xFFFD;  // as a UTF-8 UText reads an ill-formed sequence
            if (c <= 0xFFFF) {
                units.push_back((UChar)c);
                offsets.push_back(start);
            } else {
                units.push_back(U16_LEAD(c));
                offsets.push_back(start);
                units.push_back(U16_TRAIL(c));
                offsets.push_back(start);
            }
        }
        offsets.push_back(n);
    } catch (...) {
        return fail(status, CICU_E_OUT_OF_MEMORY);
    }
    UErrorCode err = U_ZERO_ERROR;
    ubrk_setText(breaker->iterator, units.empty() ? empty : units.data(), (int32_t)units.size(), &err);
    if (U_FAILURE(err)) return fail(status, (int32_t)err);
    int64_t count = 0;
    int32_t p = ubrk_first(breaker->iterator);
    boundaries[count] = offsets[p]; rule_status[count] = 0; count++;
    while ((p = ubrk_next(breaker->iterator)) != UBRK_DONE && count < length + 2) {
        boundaries[count] = offsets[p];
        rule_status[count] = ubrk_getRuleStatus(breaker->iterator);
        count++;
    }
    // A long paragraph's buffers are not kept for the short ones after it: the iterator is detached
    // from them first.
    if (units.capacity() > (1u << 16)) {
        ubrk_setText(breaker->iterator, empty, 0, &err);
        std::vector<UChar>().swap(units);
        std::vector<int32_t>().swap(offsets);
    }
    *status = CICU_OK;
    return count;
}

// ICU's own (uresimp.h, not installed): a resource by key, searched in the parent bundles too.
// Exported by libicuuc; declared here as the filtered sentence iterator calls it.
U_CAPI UResourceBundle *U_EXPORT2 ures_getByKeyWithFallback(const UResourceBundle *resB, const char *inKey,
                                                             UResourceBundle *fillIn, UErrorCode *status);

int64_t cicu_sentence_break_exceptions(const char *locale, uint8_t *out, int64_t capacity, int32_t *status) {
    if (!status || !locale || (!out && capacity) || capacity < 0) return fail(status, CICU_E_INVALID_ARGUMENT);
    // As SimpleFilteredBreakIteratorBuilder(const Locale &, UErrorCode &) reads them: a bundle or key
    // found only in the default locale's data counts as none.
    std::string result;
    UErrorCode err = U_ZERO_ERROR;
    UResourceBundle *bundle = ures_open(U_ICUDATA_NAME U_TREE_SEPARATOR_STRING "brkitr",
                                        icu::Locale(locale).getBaseName(), &err);
    UResourceBundle *exceptions = nullptr, *breaks = nullptr;
    if (U_SUCCESS(err) && err != U_USING_DEFAULT_WARNING)
        exceptions = ures_getByKeyWithFallback(bundle, "exceptions", nullptr, &err);
    if (exceptions && U_SUCCESS(err) && err != U_USING_DEFAULT_WARNING)
        breaks = ures_getByKeyWithFallback(exceptions, "SentenceBreak", nullptr, &err);
    if (breaks && U_SUCCESS(err) && err != U_USING_DEFAULT_WARNING) {
        const int32_t count = ures_getSize(breaks);
        for (int32_t i = 0; i < count; i++) {
            UErrorCode itemErr = U_ZERO_ERROR;
            int32_t length = 0;
            const UChar *item = ures_getStringByIndex(breaks, i, &length, &itemErr);
            if (U_FAILURE(itemErr)) continue;
            icu::UnicodeString(item, length).toUTF8String(result);
            result.push_back('\0');
        }
    }
    if (breaks) ures_close(breaks);
    if (exceptions) ures_close(exceptions);
    if (bundle) ures_close(bundle);
    return copy_out(result, out, capacity, status);
}

struct cicu_transliterator {
    icu::Transliterator *transliterator;
};

cicu_transliterator *cicu_transliterator_open(const char *identifier, int32_t *status) {
    if (!status || !identifier) { fail(status, CICU_E_INVALID_ARGUMENT); return nullptr; }
    UErrorCode err = U_ZERO_ERROR;
    icu::Transliterator *t = icu::Transliterator::createInstance(
        icu::UnicodeString::fromUTF8(identifier), UTRANS_FORWARD, err);
    if (U_FAILURE(err) || !t) { delete t; fail(status, U_FAILURE(err) ? (int32_t)err : CICU_E_INVALID_ARGUMENT); return nullptr; }
    cicu_transliterator *h = new (std::nothrow) cicu_transliterator{t};
    if (!h) { delete t; fail(status, CICU_E_OUT_OF_MEMORY); return nullptr; }
    *status = CICU_OK;
    return h;
}

void cicu_transliterator_close(cicu_transliterator *transliterator) {
    if (!transliterator) return;
    delete transliterator->transliterator;
    delete transliterator;
}

int64_t cicu_transliterate_utf8(cicu_transliterator *transliterator, const uint8_t *text,
                                int64_t length, uint8_t *out, int64_t capacity, int32_t *status) {
    if (!status || !transliterator || (!text && length) || !fits_int32(length))
        return fail(status, CICU_E_INVALID_ARGUMENT);
    icu::UnicodeString s = icu::UnicodeString::fromUTF8(icu::StringPiece((const char *)text, (int32_t)length));
    transliterator->transliterator->transliterate(s);
    std::string result;
    s.toUTF8String(result);
    return copy_out(result, out, capacity, status);
}

int32_t cicu_script_of(uint32_t code_point) {
    UErrorCode err = U_ZERO_ERROR;
    UScriptCode code = uscript_getScript((UChar32)code_point, &err);
    return U_FAILURE(err) ? -1 : (int32_t)code;
}

const char *cicu_script_short_name(int32_t script) {
    const char *name = uscript_getShortName((UScriptCode)script);
    return name ? name : "Zzzz";
}

struct cicu_spoof_checker {
    USpoofChecker *checker;
};

cicu_spoof_checker *cicu_spoof_open(int32_t *status) {
    if (!status) return nullptr;
    UErrorCode err = U_ZERO_ERROR;
    USpoofChecker *sc = uspoof_open(&err);
    if (U_FAILURE(err)) { fail(status, (int32_t)err); return nullptr; }
    cicu_spoof_checker *h = new (std::nothrow) cicu_spoof_checker{sc};
    if (!h) { uspoof_close(sc); fail(status, CICU_E_OUT_OF_MEMORY); return nullptr; }
    *status = CICU_OK;
    return h;
}

void cicu_spoof_close(cicu_spoof_checker *checker) {
    if (!checker) return;
    uspoof_close(checker->checker);
    delete checker;
}

int64_t cicu_spoof_skeleton_utf8(cicu_spoof_checker *checker, const uint8_t *text, int64_t length,
                                 uint8_t *out, int64_t capacity, int32_t *status) {
    if (!status || !checker || (!text && length) || !fits_int32(length))
        return fail(status, CICU_E_INVALID_ARGUMENT);
    UErrorCode err = U_ZERO_ERROR;
    icu::UnicodeString s = icu::UnicodeString::fromUTF8(icu::StringPiece((const char *)text, (int32_t)length));
    icu::UnicodeString skeleton;
    uspoof_getSkeletonUnicodeString(checker->checker, 0, s, skeleton, &err);
    if (U_FAILURE(err)) return fail(status, (int32_t)err);
    std::string result;
    skeleton.toUTF8String(result);
    return copy_out(result, out, capacity, status);
}

} // extern "C"
