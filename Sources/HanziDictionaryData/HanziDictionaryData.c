// The bundled dictionaries and encoding tables (Dictionaries/), embedded into the binary so
// that `hanzi` finds them wherever it is copied. Dictionaries/regenerate.sh refreshes the
// files; a test checks that every file there is listed here.
#include "HanziDictionaryData.h"

static const unsigned char file0[] = {
#embed "../../Dictionaries/opencc/CJK_Compatibility_Ideographs.txt"
};
static const unsigned char file1[] = {
#embed "../../Dictionaries/opencc/HKPhrases.txt"
};
static const unsigned char file2[] = {
#embed "../../Dictionaries/opencc/HKPhrasesRev.txt"
};
static const unsigned char file3[] = {
#embed "../../Dictionaries/opencc/HKVariants.txt"
};
static const unsigned char file4[] = {
#embed "../../Dictionaries/opencc/HKVariantsPhrases.txt"
};
static const unsigned char file5[] = {
#embed "../../Dictionaries/opencc/HKVariantsRev.txt"
};
static const unsigned char file6[] = {
#embed "../../Dictionaries/opencc/HKVariantsRevPhrases.txt"
};
static const unsigned char file7[] = {
#embed "../../Dictionaries/opencc/JPShinjitaiCharacters.txt"
};
static const unsigned char file8[] = {
#embed "../../Dictionaries/opencc/JPShinjitaiCharactersRev.txt"
};
static const unsigned char file9[] = {
#embed "../../Dictionaries/opencc/JPShinjitaiPhrases.txt"
};
static const unsigned char file10[] = {
#embed "../../Dictionaries/opencc/STCharacters.txt"
};
static const unsigned char file11[] = {
#embed "../../Dictionaries/opencc/STPhrases.txt"
};
static const unsigned char file12[] = {
#embed "../../Dictionaries/opencc/STPhrases_GeneratedFromRegionalPhrases.txt"
};
static const unsigned char file13[] = {
#embed "../../Dictionaries/opencc/TSCharacters.txt"
};
static const unsigned char file14[] = {
#embed "../../Dictionaries/opencc/TSCharactersExt.txt"
};
static const unsigned char file15[] = {
#embed "../../Dictionaries/opencc/TSPhrases.txt"
};
static const unsigned char file16[] = {
#embed "../../Dictionaries/opencc/TWPhrases.txt"
};
static const unsigned char file17[] = {
#embed "../../Dictionaries/opencc/TWPhrasesRev.txt"
};
static const unsigned char file18[] = {
#embed "../../Dictionaries/opencc/TWVariants.txt"
};
static const unsigned char file19[] = {
#embed "../../Dictionaries/opencc/TWVariantsPhrases.txt"
};
static const unsigned char file20[] = {
#embed "../../Dictionaries/opencc/TWVariantsRev.txt"
};
static const unsigned char file21[] = {
#embed "../../Dictionaries/opencc/TWVariantsRevPhrases.txt"
};
static const unsigned char file22[] = {
#embed "../../Dictionaries/opencc/hk2s.json"
};
static const unsigned char file23[] = {
#embed "../../Dictionaries/opencc/hk2sp.json"
};
static const unsigned char file24[] = {
#embed "../../Dictionaries/opencc/hk2t.json"
};
static const unsigned char file25[] = {
#embed "../../Dictionaries/opencc/jp2t.json"
};
static const unsigned char file26[] = {
#embed "../../Dictionaries/opencc/s2hk.json"
};
static const unsigned char file27[] = {
#embed "../../Dictionaries/opencc/s2hkp.json"
};
static const unsigned char file28[] = {
#embed "../../Dictionaries/opencc/s2t.json"
};
static const unsigned char file29[] = {
#embed "../../Dictionaries/opencc/s2tw.json"
};
static const unsigned char file30[] = {
#embed "../../Dictionaries/opencc/s2twp.json"
};
static const unsigned char file31[] = {
#embed "../../Dictionaries/opencc/t2hk.json"
};
static const unsigned char file32[] = {
#embed "../../Dictionaries/opencc/t2jp.json"
};
static const unsigned char file33[] = {
#embed "../../Dictionaries/opencc/t2s.json"
};
static const unsigned char file34[] = {
#embed "../../Dictionaries/opencc/t2tw.json"
};
static const unsigned char file35[] = {
#embed "../../Dictionaries/opencc/tw2s.json"
};
static const unsigned char file36[] = {
#embed "../../Dictionaries/opencc/tw2sp.json"
};
static const unsigned char file37[] = {
#embed "../../Dictionaries/opencc/tw2t.json"
};
static const unsigned char file38[] = {
#embed "../../Dictionaries/jieba/dict.txt"
};
static const unsigned char file39[] = {
#embed "../../Dictionaries/jieba/hmm.txt"
};
static const unsigned char file40[] = {
#embed "../../Dictionaries/encodings/python-big5.txt"
};

static const HanziEmbeddedFile files[] = {
    {"opencc/CJK_Compatibility_Ideographs.txt", file0, sizeof(file0)},
    {"opencc/HKPhrases.txt", file1, sizeof(file1)},
    {"opencc/HKPhrasesRev.txt", file2, sizeof(file2)},
    {"opencc/HKVariants.txt", file3, sizeof(file3)},
    {"opencc/HKVariantsPhrases.txt", file4, sizeof(file4)},
    {"opencc/HKVariantsRev.txt", file5, sizeof(file5)},
    {"opencc/HKVariantsRevPhrases.txt", file6, sizeof(file6)},
    {"opencc/JPShinjitaiCharacters.txt", file7, sizeof(file7)},
    {"opencc/JPShinjitaiCharactersRev.txt", file8, sizeof(file8)},
    {"opencc/JPShinjitaiPhrases.txt", file9, sizeof(file9)},
    {"opencc/STCharacters.txt", file10, sizeof(file10)},
    {"opencc/STPhrases.txt", file11, sizeof(file11)},
    {"opencc/STPhrases_GeneratedFromRegionalPhrases.txt", file12, sizeof(file12)},
    {"opencc/TSCharacters.txt", file13, sizeof(file13)},
    {"opencc/TSCharactersExt.txt", file14, sizeof(file14)},
    {"opencc/TSPhrases.txt", file15, sizeof(file15)},
    {"opencc/TWPhrases.txt", file16, sizeof(file16)},
    {"opencc/TWPhrasesRev.txt", file17, sizeof(file17)},
    {"opencc/TWVariants.txt", file18, sizeof(file18)},
    {"opencc/TWVariantsPhrases.txt", file19, sizeof(file19)},
    {"opencc/TWVariantsRev.txt", file20, sizeof(file20)},
    {"opencc/TWVariantsRevPhrases.txt", file21, sizeof(file21)},
    {"opencc/hk2s.json", file22, sizeof(file22)},
    {"opencc/hk2sp.json", file23, sizeof(file23)},
    {"opencc/hk2t.json", file24, sizeof(file24)},
    {"opencc/jp2t.json", file25, sizeof(file25)},
    {"opencc/s2hk.json", file26, sizeof(file26)},
    {"opencc/s2hkp.json", file27, sizeof(file27)},
    {"opencc/s2t.json", file28, sizeof(file28)},
    {"opencc/s2tw.json", file29, sizeof(file29)},
    {"opencc/s2twp.json", file30, sizeof(file30)},
    {"opencc/t2hk.json", file31, sizeof(file31)},
    {"opencc/t2jp.json", file32, sizeof(file32)},
    {"opencc/t2s.json", file33, sizeof(file33)},
    {"opencc/t2tw.json", file34, sizeof(file34)},
    {"opencc/tw2s.json", file35, sizeof(file35)},
    {"opencc/tw2sp.json", file36, sizeof(file36)},
    {"opencc/tw2t.json", file37, sizeof(file37)},
    {"jieba/dict.txt", file38, sizeof(file38)},
    {"jieba/hmm.txt", file39, sizeof(file39)},
    {"encodings/python-big5.txt", file40, sizeof(file40)},
};

size_t hanzi_embedded_file_count(void) { return sizeof(files) / sizeof(files[0]); }

HanziEmbeddedFile hanzi_embedded_file(size_t index) {
    if (index >= hanzi_embedded_file_count()) {
        HanziEmbeddedFile none = {0, 0, 0};
        return none;
    }
    return files[index];
}
