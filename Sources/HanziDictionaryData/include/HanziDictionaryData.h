#ifndef HANZI_DICTIONARY_DATA_H
#define HANZI_DICTIONARY_DATA_H

#include <stddef.h>

/// One dictionary file embedded in the binary.
typedef struct {
    /// Path relative to Dictionaries/, e.g. "opencc/STPhrases.txt".
    const char *name;
    const unsigned char *bytes;
    size_t size;
} HanziEmbeddedFile;

/// The number of embedded files.
size_t hanzi_embedded_file_count(void);

/// The embedded file at `index` (0 ..< count); a file with a NULL name past the end.
HanziEmbeddedFile hanzi_embedded_file(size_t index);

#endif
