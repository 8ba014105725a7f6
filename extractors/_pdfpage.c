/*
 * PDFium page → words and drawn paths, in C: the per-character loop of extractors/pdfium_text.py.
 *
 * The Python version makes a handful of ctypes calls and one object per character (~3 million on
 * the test corpus), which costs more than everything else the pipeline does. This module makes the
 * same PDFium calls through the function pointers pypdfium2 already holds (no second copy of the
 * library is loaded) and applies the same rules, so both paths return identical words; the tests
 * compare them. Python's own float rounding and hypot are used where the results must match to the
 * last bit. It also groups a page's packed words into lines (page_lines), the rules of
 * _group_words in extractors/text.py without a Python object per word.
 */
#define PY_SSIZE_T_CLEAN
#include <Python.h>

#include <math.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

typedef struct {
    float left, top, right, bottom;
} RectF;

typedef struct {
    float a, b, c, d, e, f;
} MatrixF;

typedef struct {
    double a, b, c, d, e, f;
} Affine;

/* How a page is shown: its /Rotate and its box in PDF space. Display coordinates run from the
 * shown page's top-left corner, x to the right and "top" downwards, as pdfplumber's do. */
typedef struct {
    int rotation;
    double x0, y0, x1, y1;
} View;

static void to_display(const View *v, double x, double y, double *dx, double *dtop) {
    switch (v->rotation) {
    case 90: *dx = y - v->y0; *dtop = x - v->x0; break;
    case 180: *dx = v->x1 - x; *dtop = y - v->y0; break;
    case 270: *dx = v->y1 - y; *dtop = v->x1 - x; break;
    default: *dx = x - v->x0; *dtop = v->y1 - y; break;
    }
}

/* The display box (x0, top, x1, bottom) of a rectangle given in PDF space. */
static void box_to_display(const View *v, double l, double b, double r, double t, double *out) {
    double ax, atop, bx, btop;
    to_display(v, l, b, &ax, &atop);
    to_display(v, r, t, &bx, &btop);
    out[0] = ax < bx ? ax : bx;
    out[1] = atop < btop ? atop : btop;
    out[2] = ax < bx ? bx : ax;
    out[3] = atop < btop ? btop : atop;
}

/* The PDFium functions, in the order of FUNCTIONS below. */
static int (*CountChars)(void *);
static unsigned int (*GetUnicode)(void *, int);
static int (*IsGenerated)(void *, int);
static int (*GetLooseCharBox)(void *, int, RectF *);
static void *(*GetTextObject)(void *, int);
static int (*GetMatrix)(void *, int, MatrixF *);
static double (*GetFontSize)(void *, int);
static void *(*TextObjGetFont)(void *);
static size_t (*FontGetBaseFontName)(void *, char *, size_t);
static int (*PageCountObjects)(void *);
static void *(*PageGetObject)(void *, int);
static int (*FormCountObjects)(void *);
static void *(*FormGetObject)(void *, unsigned long);
static int (*ObjGetType)(void *);
static int (*PathCountSegments)(void *);
static void *(*PathGetSegment)(void *, int);
static int (*SegmentGetType)(void *);
static int (*SegmentGetPoint)(void *, float *, float *);
static int (*SegmentGetClose)(void *);
static int (*ObjGetBounds)(void *, float *, float *, float *, float *);
static int (*PathGetDrawMode)(void *, int *, int *);
static int (*ObjGetMatrix)(void *, MatrixF *);

#define N_FUNCTIONS 22
static const char *FUNCTION_NAMES[N_FUNCTIONS] = {
    "FPDFText_CountChars",     "FPDFText_GetUnicode",       "FPDFText_IsGenerated",
    "FPDFText_GetLooseCharBox", "FPDFText_GetTextObject",   "FPDFText_GetMatrix",
    "FPDFText_GetFontSize",    "FPDFTextObj_GetFont",       "FPDFFont_GetBaseFontName",
    "FPDFPage_CountObjects",   "FPDFPage_GetObject",        "FPDFFormObj_CountObjects",
    "FPDFFormObj_GetObject",   "FPDFPageObj_GetType",       "FPDFPath_CountSegments",
    "FPDFPath_GetPathSegment", "FPDFPathSegment_GetType",   "FPDFPathSegment_GetPoint",
    "FPDFPathSegment_GetClose", "FPDFPageObj_GetBounds",    "FPDFPath_GetDrawMode",
    "FPDFPageObj_GetMatrix",
};
static void **FUNCTION_SLOTS[N_FUNCTIONS] = {
    (void **)&CountChars,      (void **)&GetUnicode,        (void **)&IsGenerated,
    (void **)&GetLooseCharBox, (void **)&GetTextObject,     (void **)&GetMatrix,
    (void **)&GetFontSize,     (void **)&TextObjGetFont,    (void **)&FontGetBaseFontName,
    (void **)&PageCountObjects, (void **)&PageGetObject,    (void **)&FormCountObjects,
    (void **)&FormGetObject,   (void **)&ObjGetType,        (void **)&PathCountSegments,
    (void **)&PathGetSegment,  (void **)&SegmentGetType,    (void **)&SegmentGetPoint,
    (void **)&SegmentGetClose, (void **)&ObjGetBounds,      (void **)&PathGetDrawMode,
    (void **)&ObjGetMatrix,
};
static int bound = 0;

#define PAGEOBJ_PATH 2
#define PAGEOBJ_FORM 5
#define SEGMENT_BEZIERTO 1
#define SEGMENT_MOVETO 2
#define MAX_DEPTH 15
#define OVERPRINT_WINDOW 2000 /* as OVERPRINT_WINDOW in extractors/text.py */

static PyObject *math_hypot = NULL;

/* ---------------------------------------------------------------- characters and words */

typedef struct {
    Py_UCS4 text[3];
    int len;
    int space; /* a real space in the text: it ends the word before it */
    double x0, x1, top, bottom, size;
    int font;
} Char;

typedef struct {
    void *key;
    int font;
    double size;
    int slanted; /* drawn at an angle that is no multiple of 90 degrees: a watermark */
} ObjectFacts;

typedef struct {
    ObjectFacts *slots;
    size_t capacity, used;
} FactsMap;

typedef struct {
    void *handle;
    int font;
} FontEntry;

typedef struct {
    PyObject *names;    /* list of distinct font names (str), indexed by Char.font */
    FontEntry *handles; /* font handle → index, so a name is decoded once per font */
    size_t n_handles, cap_handles;
} Fonts;

static int is_break(Py_UCS4 c) {
    switch (c) {
    case 0x20: case 0x09: case 0x0d: case 0x0a: case 0xa0: case 0x2002: case 0x2003:
    case 0x2009: case 0x200b: case 0xfffe: case 0xffff:
        return 1;
    default:
        return 0;
    }
}

static int ligature(Py_UCS4 c, Py_UCS4 *out) {
    switch (c) {
    case 0xfb00: out[0] = 'f'; out[1] = 'f'; return 2;
    case 0xfb01: out[0] = 'f'; out[1] = 'i'; return 2;
    case 0xfb02: out[0] = 'f'; out[1] = 'l'; return 2;
    case 0xfb03: out[0] = 'f'; out[1] = 'f'; out[2] = 'i'; return 3;
    case 0xfb04: out[0] = 'f'; out[1] = 'f'; out[2] = 'l'; return 3;
    case 0xfb05: case 0xfb06: out[0] = 's'; out[1] = 't'; return 2;
    default: out[0] = c; return 1;
    }
}

static int same_text(const Char *a, const Char *b) {
    return a->len == b->len && memcmp(a->text, b->text, sizeof(Py_UCS4) * (size_t)a->len) == 0;
}

static int text_is_space(const Char *c) {
    if (c->space) return 1;
    for (int i = 0; i < c->len; i++)
        if (!Py_UNICODE_ISSPACE(c->text[i])) return 0;
    return c->len > 0;
}

static ObjectFacts *facts_slot(FactsMap *map, void *key) {
    size_t mask = map->capacity - 1;
    size_t h = ((uintptr_t)key >> 4) * 2654435761u;
    for (size_t i = h & mask;; i = (i + 1) & mask) {
        if (map->slots[i].key == key || map->slots[i].key == NULL) return &map->slots[i];
    }
}

static int facts_grow(FactsMap *map) {
    size_t old_cap = map->capacity;
    ObjectFacts *old = map->slots;
    map->capacity = old_cap ? old_cap * 2 : 256;
    map->slots = calloc(map->capacity, sizeof(ObjectFacts));
    if (!map->slots) { map->slots = old; map->capacity = old_cap; return -1; }
    for (size_t i = 0; i < old_cap; i++) {
        if (old[i].key) *facts_slot(map, old[i].key) = old[i];
    }
    free(old);
    return 0;
}

/* The decoded base font name of a text object's font, as an index into fonts->names. */
static int font_index(Fonts *fonts, void *obj) {
    void *font = TextObjGetFont(obj);
    for (size_t i = 0; i < fonts->n_handles; i++)
        if (fonts->handles[i].handle == font) return fonts->handles[i].font;
    PyObject *name;
    size_t length = font ? FontGetBaseFontName(font, NULL, 0) : 0;
    if (!font || length == 0 || length > (1u << 20)) {
        name = PyUnicode_FromString("");
    } else {
        char *buffer = calloc(length + 1, 1);
        if (!buffer) { PyErr_NoMemory(); return -1; }
        FontGetBaseFontName(font, buffer, length);
        name = PyUnicode_DecodeUTF8(buffer, (Py_ssize_t)strlen(buffer), "replace");
        free(buffer);
    }
    if (!name) return -1;
    Py_ssize_t n = PyList_GET_SIZE(fonts->names), index = -1;
    for (Py_ssize_t i = 0; i < n; i++) {
        int eq = PyUnicode_Compare(PyList_GET_ITEM(fonts->names, i), name);
        if (eq == 0) { index = i; break; }
    }
    if (index < 0) {
        if (PyList_Append(fonts->names, name) < 0) { Py_DECREF(name); return -1; }
        index = n;
    }
    Py_DECREF(name);
    if (fonts->n_handles == fonts->cap_handles) {
        size_t cap = fonts->cap_handles ? fonts->cap_handles * 2 : 16;
        FontEntry *grown = realloc(fonts->handles, cap * sizeof(FontEntry));
        if (!grown) { PyErr_NoMemory(); return -1; }
        fonts->handles = grown;
        fonts->cap_handles = cap;
    }
    fonts->handles[fonts->n_handles].handle = font;
    fonts->handles[fonts->n_handles].font = (int)index;
    fonts->n_handles++;
    return (int)index;
}

/* round(value, 1) exactly as Python rounds it. */
static int python_round1(double value, double *out) {
    PyObject *number = PyFloat_FromDouble(value);
    if (!number) return -1;
    PyObject *rounded = PyObject_CallMethod(number, "__round__", "i", 1);
    Py_DECREF(number);
    if (!rounded) return -1;
    *out = PyFloat_AsDouble(rounded);
    Py_DECREF(rounded);
    return PyErr_Occurred() ? -1 : 0;
}

/* True when the text's baseline runs at an angle that is no multiple of 90 degrees (both of
 * the matrix's first-row terms over a tenth of its length), as pdfium_text.slanted says. */
static int slanted(double a, double b) {
    double length = sqrt(a * a + b * b);
    return length > 0.0 && fabs(a) > 0.1 * length && fabs(b) > 0.1 * length;
}

/* True when the text's baseline runs up or down the page as shown (a margin's running title
 * set sideways), as pdfium_text.sideways says: on a page turned a quarter (/Rotate 90 or 270)
 * the baseline's terms swap. */
static int sideways(double a, double b, int rotation) {
    double length = sqrt(a * a + b * b);
    double along = rotation == 90 || rotation == 270 ? fabs(b) : fabs(a);
    return length > 0.0 && along <= 0.1 * length;
}

/* math.hypot(c, d) or 1.0, as the Python version computes the text matrix's vertical scale. */
static int vertical_scale(double c, double d, double *out) {
    double scale;
    if (c == 0.0) {
        scale = fabs(d);
    } else if (d == 0.0) {
        scale = fabs(c);
    } else {
        PyObject *r = PyObject_CallFunction(math_hypot, "dd", c, d);
        if (!r) return -1;
        scale = PyFloat_AsDouble(r);
        Py_DECREF(r);
        if (PyErr_Occurred()) return -1;
    }
    *out = scale != 0.0 ? scale : 1.0;
    return 0;
}

typedef struct {
    Char *items;
    size_t n, cap;
} Chars;

static int chars_push(Chars *chars, const Char *c) {
    if (chars->n == chars->cap) {
        size_t cap = chars->cap ? chars->cap * 2 : 1024;
        Char *grown = realloc(chars->items, cap * sizeof(Char));
        if (!grown) { PyErr_NoMemory(); return -1; }
        chars->items = grown;
        chars->cap = cap;
    }
    chars->items[chars->n++] = *c;
    return 0;
}

/* Every character of a text page (as page_chars in pdfium_text.py). */
static int read_chars(void *handle, const View *view, Chars *chars, Fonts *fonts) {
    int count = CountChars(handle);
    FactsMap map = {NULL, 0, 0};
    if (facts_grow(&map) < 0) { PyErr_NoMemory(); return -1; }
    RectF rect;
    MatrixF matrix = {0, 0, 0, 0, 0, 0}; /* kept across characters, like the ctypes struct */
    ObjectFacts null_facts = {NULL, 0, 0.0, 0};
    int status = 0;
    int step = 1;
    for (int k = 0; k < count; k += step) {
        unsigned int code = GetUnicode(handle, k);
        step = 1;
        /* PDFium returns text as UTF-16 units: a surrogate pair is one character (drawn at the
         * first unit's box); a lone surrogate cannot be text and reads as U+FFFD. */
        if (code >= 0xD800 && code <= 0xDBFF) {
            unsigned int low = k + 1 < count ? GetUnicode(handle, k + 1) : 0;
            if (low >= 0xDC00 && low <= 0xDFFF) {
                code = 0x10000 + ((code - 0xD800) << 10) + (low - 0xDC00);
                step = 2;
            } else {
                code = 0xFFFD;
            }
        } else if (code >= 0xDC00 && code <= 0xDFFF) {
            code = 0xFFFD;
        }
        Char c;
        memset(&c, 0, sizeof c);
        if (code == 0 || (code != 2 && is_break((Py_UCS4)code))) {
            if (!IsGenerated(handle, k)) {
                c.space = 1;
                c.text[0] = ' ';
                c.len = 1;
                if (chars_push(chars, &c) < 0) { status = -1; break; }
            }
            continue;
        }
        if (code > 0x10ffff) {
            PyErr_SetString(PyExc_ValueError, "chr() arg not in range(0x110000)");
            status = -1;
            break;
        }
        if (!GetLooseCharBox(handle, k, &rect)) continue;
        void *obj = GetTextObject(handle, k);
        ObjectFacts *facts;
        if (obj == NULL) {
            facts = &null_facts; /* Python keys a missing object as 0: one entry for all */
        } else {
            if (map.used * 2 >= map.capacity && facts_grow(&map) < 0) {
                PyErr_NoMemory();
                status = -1;
                break;
            }
            facts = facts_slot(&map, obj);
        }
        if (facts->key == NULL) {
            /* The size that matters is the rendered one: the nominal size times the text
             * matrix's vertical scale (constant within one text object). */
            GetMatrix(handle, k, &matrix);
            double scale, size;
            if (vertical_scale((double)matrix.c, (double)matrix.d, &scale) < 0 ||
                python_round1(GetFontSize(handle, k) * scale, &size) < 0) {
                status = -1;
                break;
            }
            int font = font_index(fonts, obj);
            if (font < 0) { status = -1; break; }
            facts->key = obj ? obj : (void *)1;
            facts->font = font;
            facts->size = size;
            facts->slanted = slanted((double)matrix.a, (double)matrix.b) ||
                             sideways((double)matrix.a, (double)matrix.b, view->rotation);
            if (obj) map.used++;
        }
        if (facts->slanted) continue; /* a watermark or a sideways margin title: no text */
        c.font = facts->font;
        c.size = facts->size;
        c.len = ligature((Py_UCS4)(code == 2 ? '-' : code), c.text);
        /* The loose box's bottom is the baseline plus the font's descent; the box runs one em
         * up from there, like pdfminer's. */
        if (view->rotation == 0) {
            double low = (double)rect.bottom;
            c.x0 = (double)rect.left - view->x0;
            c.x1 = (double)rect.right - view->x0;
            c.top = view->y1 - (low + c.size);
            c.bottom = view->y1 - low;
        } else {
            double box[4];
            box_to_display(view, rect.left, rect.bottom, rect.right, rect.top, box);
            c.x0 = box[0];
            c.x1 = box[2];
            c.bottom = box[3];
            c.top = box[3] - c.size;
        }
        if (chars_push(chars, &c) < 0) { status = -1; break; }
    }
    free(map.slots);
    return status;
}

/* A glyph dx after the same glyph is a reprint (fake bold) when it starts inside the first one:
 * under 1.5 pt and under half its width, so doubled letters in 5 pt text stay (text.py: the same). */
static int overprinted(double dx, const Char *first) {
    double half = (first->x1 - first->x0) / 2;
    return dx < (half < 1.5 ? half : 1.5);
}

static int has_overprint(const Chars *chars) {
    size_t n = chars->n < OVERPRINT_WINDOW ? chars->n : OVERPRINT_WINDOW;
    for (size_t i = 0; i + 1 < n; i++) {
        const Char *a = &chars->items[i], *b = &chars->items[i + 1];
        if (same_text(a, b) && !text_is_space(a) && overprinted(fabs(a->x0 - b->x0), a) &&
            fabs(a->top - b->top) < 1.5)
            return 1;
    }
    return 0;
}

/* Drop glyphs printed twice at almost the same spot (fake bold). */
static void dedupe(Chars *chars) {
    size_t kept = 0;
    for (size_t i = 0; i < chars->n; i++) {
        Char *c = &chars->items[i];
        if (kept > 0) {
            Char *prev = &chars->items[kept - 1];
            double dx = fabs(c->x0 - prev->x0);
            if (same_text(c, prev) && !c->space && dx > 0.01 && overprinted(dx, prev) &&
                fabs(c->top - prev->top) < 1.5)
                continue;
        }
        chars->items[kept++] = *c;
    }
    chars->n = kept;
}

typedef struct {
    const Char *c;
    size_t order;    /* position among the visible characters (stable sorts) */
    int ends_word;   /* followed by a real space */
    size_t by_top;   /* position after sorting by top */
} Visible;

static int by_top(const void *pa, const void *pb) {
    const Visible *a = pa, *b = pb;
    if (a->c->top < b->c->top) return -1;
    if (a->c->top > b->c->top) return 1;
    return (a->order > b->order) - (a->order < b->order);
}

static int by_x0(const void *pa, const void *pb) {
    const Visible *a = pa, *b = pb;
    if (a->c->x0 < b->c->x0) return -1;
    if (a->c->x0 > b->c->x0) return 1;
    return (a->by_top > b->by_top) - (a->by_top < b->by_top);
}

static PyObject *make_word(const Visible *chars, size_t n) {
    Py_UCS4 stack[256] = {0};
    size_t length = 0;
    for (size_t i = 0; i < n; i++) length += (size_t)chars[i].c->len;
    Py_UCS4 *text = length <= 256 ? stack : malloc(length * sizeof(Py_UCS4));
    if (!text) return PyErr_NoMemory();
    double x0 = chars[0].c->x0, x1 = chars[0].c->x1, top = chars[0].c->top,
           bottom = chars[0].c->bottom;
    size_t at = 0;
    for (size_t i = 0; i < n; i++) {
        const Char *c = chars[i].c;
        memcpy(text + at, c->text, sizeof(Py_UCS4) * (size_t)c->len);
        at += (size_t)c->len;
        if (c->x0 < x0) x0 = c->x0;
        if (c->x1 > x1) x1 = c->x1;
        if (c->top < top) top = c->top;
        if (c->bottom > bottom) bottom = c->bottom;
    }
    PyObject *string = PyUnicode_FromKindAndData(PyUnicode_4BYTE_KIND, text, (Py_ssize_t)length);
    if (text != stack) free(text);
    if (!string) return NULL;
    /* a word in small capitals ("G" "LOSSARY") takes its small letters' size, its last's */
    return Py_BuildValue("(Ndddddi)", string, x0, x1, top, bottom, chars[n - 1].c->size,
                         chars[0].c->font);
}

/* True for two capitals of one word set in small capitals (as pdfium_text._small_capitals):
 * one font, two sizes, one baseline ("G" then "LOSSARY"); a raised footnote marker is not. */
static int small_capitals(const Char *a, const Char *b) {
    double size = a->size > b->size ? a->size : b->size;
    return a->font == b->font && a->len == 1 && b->len == 1 &&
           Py_UNICODE_ISUPPER(a->text[0]) && Py_UNICODE_ISUPPER(b->text[0]) &&
           fabs(a->bottom - b->bottom) <= 0.1 * size;
}

/* Words as group_words in pdfium_text.py builds them: lines by height, then x gaps. */
static PyObject *group_words(const Chars *chars, double x_ratio, double y_tolerance) {
    size_t n = 0;
    for (size_t i = 0; i < chars->n; i++) n += !chars->items[i].space;
    PyObject *words = PyList_New(0);
    if (!words || n == 0) return words;
    Visible *visible = malloc(n * sizeof(Visible));
    if (!visible) { Py_DECREF(words); return PyErr_NoMemory(); }
    size_t v = 0;
    for (size_t i = 0; i < chars->n; i++) {
        const Char *c = &chars->items[i];
        if (c->space) continue;
        visible[v].c = c;
        visible[v].order = v;
        visible[v].ends_word = i + 1 < chars->n && chars->items[i + 1].space;
        v++;
    }
    /* In right-to-left text the char after a space in reading order is the one left of it on
     * the page: it ends its word. Walk backwards so that a moved mark is not moved again. */
    for (size_t k = n; k-- > 1;) {
        const Char *a = visible[k - 1].c, *b = visible[k].c;
        if (visible[k - 1].ends_word == 1 && fabs(a->top - b->top) <= y_tolerance &&
            b->x0 + b->x1 < a->x0 + a->x1) {
            visible[k - 1].ends_word = 0;
            visible[k].ends_word = 2;
        }
    }
    qsort(visible, n, sizeof(Visible), by_top);
    for (size_t i = 0; i < n; i++) visible[i].by_top = i;
    size_t start = 0;
    while (start < n) {
        size_t end = start + 1;
        while (end < n && fabs(visible[end].c->top - visible[start].c->top) <= y_tolerance) end++;
        qsort(visible + start, end - start, sizeof(Visible), by_x0);
        size_t word = start;
        for (size_t i = start + 1; i <= end; i++) {
            int split = i == end;
            if (!split) {
                const Visible *prev = &visible[i - 1], *c = &visible[i];
                double gap = c->c->x0 - prev->c->x1;
                double size = c->c->size > prev->c->size ? c->c->size : prev->c->size;
                split = prev->ends_word || gap > x_ratio * size ||
                        (c->c->size != prev->c->size && !small_capitals(prev->c, c->c)) ||
                        c->c->font != prev->c->font;
            }
            if (split) {
                PyObject *w = make_word(visible + word, i - word);
                if (!w || PyList_Append(words, w) < 0) {
                    Py_XDECREF(w);
                    Py_DECREF(words);
                    free(visible);
                    return NULL;
                }
                Py_DECREF(w);
                word = i;
            }
        }
        start = end;
    }
    free(visible);
    return words;
}

static void *address(PyObject *value) {
    return PyLong_AsVoidPtr(value);
}

static PyObject *page_words(PyObject *self, PyObject *args) {
    (void)self;
    PyObject *textpage;
    View view;
    double x_ratio, y_tolerance;
    if (!PyArg_ParseTuple(args, "O(idddd)dd", &textpage, &view.rotation, &view.x0, &view.y0,
                          &view.x1, &view.y1, &x_ratio, &y_tolerance))
        return NULL;
    if (!bound) {
        PyErr_SetString(PyExc_RuntimeError, "bind() the PDFium functions first");
        return NULL;
    }
    void *handle = address(textpage);
    if (!handle && PyErr_Occurred()) return NULL;
    Chars chars = {NULL, 0, 0};
    Fonts fonts = {PyList_New(0), NULL, 0, 0};
    PyObject *result = NULL;
    if (!fonts.names) return NULL;
    if (read_chars(handle, &view, &chars, &fonts) == 0) {
        if (has_overprint(&chars)) dedupe(&chars);
        PyObject *words = group_words(&chars, x_ratio, y_tolerance);
        if (words) result = Py_BuildValue("(NO)", words, fonts.names);
    }
    free(chars.items);
    free(fonts.handles);
    Py_DECREF(fonts.names);
    return result;
}

/* ---------------------------------------------------------------- drawn paths */

static Affine compose(const Affine *outer, const MatrixF *inner) {
    /* inner first, then outer (row vectors: p' = p · inner · outer) */
    Affine r;
    r.a = inner->a * outer->a + inner->b * outer->c;
    r.b = inner->a * outer->b + inner->b * outer->d;
    r.c = inner->c * outer->a + inner->d * outer->c;
    r.d = inner->c * outer->b + inner->d * outer->d;
    r.e = inner->e * outer->a + inner->f * outer->c + outer->e;
    r.f = inner->e * outer->b + inner->f * outer->d + outer->f;
    return r;
}

typedef struct {
    View view;
    PyObject *drawings;
    PyObject *edges;
} PathsOut;

static int add_edge(PathsOut *out, double px0, double py0, double px1, double py1,
                    const char *kind) {
    double x0, top0, x1, top1;
    to_display(&out->view, px0, py0, &x0, &top0);
    to_display(&out->view, px1, py1, &x1, &top1);
    const char *orientation;
    if (fabs(x0 - x1) < 1e-6) orientation = "v";
    else if (fabs(top0 - top1) < 1e-6) orientation = "h";
    else return 0; /* slanted: never part of a ruled table */
    double left = x0 < x1 ? x0 : x1, right = x0 < x1 ? x1 : x0;
    double top = top0 < top1 ? top0 : top1, bottom = top0 < top1 ? top1 : top0;
    if (orientation[0] == 'v') right = left;
    else bottom = top;
    PyObject *edge = Py_BuildValue("(dddds s)", left, top, right, bottom, orientation, kind);
    if (!edge) return -1;
    int status = PyList_Append(out->edges, edge);
    Py_DECREF(edge);
    return status;
}

/* Edges of one subpath the way pdfminer classifies paths: lines, rectangles, other polylines. */
static int subpath_edges(PathsOut *out, const double *xs, const double *ys, size_t n, int closed) {
    if (n < 2) return 0;
    if (n == 2 && !closed) return add_edge(out, xs[0], ys[0], xs[1], ys[1], "line");
    size_t corners = n;
    if (n == 5 && xs[4] == xs[0] && ys[4] == ys[0]) corners = 4;
    if (corners == 4 && (closed || n == 5)) {
        int horizontal_first = ys[0] == ys[1] && xs[1] == xs[2] && ys[2] == ys[3] && xs[3] == xs[0];
        int vertical_first = xs[0] == xs[1] && ys[1] == ys[2] && xs[2] == xs[3] && ys[3] == ys[0];
        if (horizontal_first || vertical_first) {
            double l = xs[0], r = xs[0], b = ys[0], t = ys[0];
            for (size_t i = 1; i < 4; i++) {
                if (xs[i] < l) l = xs[i];
                if (xs[i] > r) r = xs[i];
                if (ys[i] < b) b = ys[i];
                if (ys[i] > t) t = ys[i];
            }
            if (add_edge(out, l, t, r, t, "rect_edge") < 0 || add_edge(out, l, b, r, b, "rect_edge") < 0 ||
                add_edge(out, l, b, l, t, "rect_edge") < 0 || add_edge(out, r, b, r, t, "rect_edge") < 0)
                return -1;
            return 0;
        }
    }
    for (size_t i = 0; i + 1 < n; i++)
        if (add_edge(out, xs[i], ys[i], xs[i + 1], ys[i + 1], "curve_edge") < 0) return -1;
    return 0;
}

static int path_edges(PathsOut *out, void *obj, const Affine *outer) {
    MatrixF m;
    if (!ObjGetMatrix(obj, &m)) return 0;
    Affine t = compose(outer, &m);
    int count = PathCountSegments(obj);
    if (count <= 0) return 0;
    double *xs = malloc(sizeof(double) * (size_t)count), *ys = malloc(sizeof(double) * (size_t)count);
    if (!xs || !ys) { free(xs); free(ys); PyErr_NoMemory(); return -1; }
    size_t n = 0;
    int closed = 0, status = 0;
    for (int k = 0; k < count && status == 0; k++) {
        void *segment = PathGetSegment(obj, k);
        float px, py;
        if (!segment || !SegmentGetPoint(segment, &px, &py)) continue;
        if (SegmentGetType(segment) == SEGMENT_MOVETO && n > 0) {
            status = subpath_edges(out, xs, ys, n, closed);
            n = 0;
            closed = 0;
        }
        xs[n] = t.a * px + t.c * py + t.e;
        ys[n] = t.b * px + t.d * py + t.f;
        n++;
        if (SegmentGetClose(segment)) closed = 1;
    }
    if (status == 0) status = subpath_edges(out, xs, ys, n, closed);
    free(xs);
    free(ys);
    return status;
}

/* The largest side, in points, of a curved filled shape kept as a drawn list mark. */
#define MARK_SIDE 8.0

static int straight(void *path) {
    int count = PathCountSegments(path);
    if (count < 2 || count > 6) return 0;
    for (int k = 0; k < count; k++) {
        if (SegmentGetType(PathGetSegment(path, k)) == SEGMENT_BEZIERTO) return 0;
    }
    return 1;
}

static int walk_objects(PathsOut *out, void *parent, int is_form, int level, const Affine *outer) {
    int n = is_form ? FormCountObjects(parent) : PageCountObjects(parent);
    if (n < 0) {
        PyErr_SetString(PyExc_RuntimeError, "Failed to get number of pageobjects.");
        return -1;
    }
    for (int i = 0; i < n; i++) {
        void *obj = is_form ? FormGetObject(parent, (unsigned long)i) : PageGetObject(parent, i);
        if (!obj) {
            PyErr_SetString(PyExc_RuntimeError, "Failed to get pageobject.");
            return -1;
        }
        int type = ObjGetType(obj);
        if (type == PAGEOBJ_PATH) {
            int is_straight = straight(obj);
            float l = 0, b = 0, r = 0, t = 0;
            int fill = 0, stroke = 0;
            int located = ObjGetBounds(obj, &l, &b, &r, &t);
            if (is_straight && !located) {
                PyErr_SetString(PyExc_RuntimeError, "Failed to locate pageobject.");
                return -1;
            }
            PathGetDrawMode(obj, &fill, &stroke);
            /* a curved path is kept only as a small filled shape: a drawn list mark */
            if (located && (is_straight || (fill && r - l <= MARK_SIDE && t - b <= MARK_SIDE))) {
                double box[4];
                box_to_display(&out->view, l, b, r, t, box);
                PyObject *drawing = Py_BuildValue("(ddddOO)", box[0], box[1], box[2], box[3],
                                                  fill ? Py_True : Py_False,
                                                  stroke ? Py_True : Py_False);
                if (!drawing || PyList_Append(out->drawings, drawing) < 0) {
                    Py_XDECREF(drawing);
                    return -1;
                }
                Py_DECREF(drawing);
            }
            if (path_edges(out, obj, outer) < 0) return -1;
        } else if (type == PAGEOBJ_FORM && level < MAX_DEPTH - 1) {
            MatrixF m;
            Affine inner = *outer;
            if (ObjGetMatrix(obj, &m)) inner = compose(outer, &m);
            if (walk_objects(out, obj, 1, level + 1, &inner) < 0) return -1;
        }
    }
    return 0;
}

static PyObject *page_paths(PyObject *self, PyObject *args) {
    (void)self;
    PyObject *page;
    View view;
    if (!PyArg_ParseTuple(args, "O(idddd)", &page, &view.rotation, &view.x0, &view.y0, &view.x1,
                          &view.y1))
        return NULL;
    if (!bound) {
        PyErr_SetString(PyExc_RuntimeError, "bind() the PDFium functions first");
        return NULL;
    }
    void *handle = address(page);
    if (!handle && PyErr_Occurred()) return NULL;
    PathsOut out = {view, PyList_New(0), PyList_New(0)};
    if (!out.drawings || !out.edges) {
        Py_XDECREF(out.drawings);
        Py_XDECREF(out.edges);
        return NULL;
    }
    Affine identity = {1, 0, 0, 1, 0, 0};
    if (walk_objects(&out, handle, 0, 0, &identity) < 0) {
        Py_DECREF(out.drawings);
        Py_DECREF(out.edges);
        return NULL;
    }
    return Py_BuildValue("(NN)", out.drawings, out.edges);
}

/* ---------------------------------------------------------------- words → lines */

/* The words of one page as PageWords in extractors/text.py packs them, grouped into visual lines
 * the way _group_lines there groups them: rows by vertical overlap, column edges, segments split
 * at column edges and gutters, footnote markers dropped. Every comparison and every sum is the
 * Python one, in the same order, so both give the same lines float for float (the tests compare
 * them on every page of the corpus). The two regular expressions are the Python ones, called
 * back only where a split or a dropped marker depends on them. */

typedef struct {
    double x0, x1, top, bottom, size;
    double key;           /* round(top), as Python rounds it */
    Py_ssize_t start, len; /* the word's text in the page's text */
    size_t order;         /* position in the page's words (stable sorts) */
    size_t row;           /* the row it joined, then its position in the sorted order */
    int bold;
} PWord;

typedef struct {
    PWord **words; /* the row's words, left to right */
    size_t n;
} Row;

typedef struct {
    PyObject *text;     /* the page's text (str) */
    PyObject *page;     /* page number (int), first field of each Line */
    PyObject *line;     /* the Line class */
    PyObject *list_mark;   /* _LIST_MARK_RE.match */
    PyObject *superscript; /* _SUPERSCRIPT_RE.match */
    Row *rows;
    size_t n_rows;
    double edges[3];
    size_t n_edges;
    double *sizes;      /* scratch: a segment's distinct sizes, in first-seen order */
    Py_ssize_t *counts; /* scratch: characters per size */
    Py_UCS4 *chars;     /* scratch: a line's text */
    size_t cap_chars;
} LineWork;

/* round(value) exactly as Python rounds a float to an integer (halves to even). */
static double python_round0(double value) {
    double rounded = round(value);
    if (fabs(value - rounded) == 0.5) rounded = 2.0 * round(value / 2.0);
    return rounded;
}

static int by_row_key(const void *pa, const void *pb) {
    const PWord *a = pa, *b = pb;
    if (a->key != b->key) return a->key < b->key ? -1 : 1;
    if (a->x0 < b->x0) return -1;
    if (a->x0 > b->x0) return 1;
    return (a->order > b->order) - (a->order < b->order);
}

static int by_word_x0(const void *pa, const void *pb) {
    const PWord *a = *(PWord *const *)pa, *b = *(PWord *const *)pb;
    if (a->x0 < b->x0) return -1;
    if (a->x0 > b->x0) return 1;
    return (a->row > b->row) - (a->row < b->row);
}

/* Rows by vertical overlap with one of the last three rows; each row's words sorted by x0.
 * `words` are sorted by (round(top), x0); `slots` receives every word once, row by row. */
static Row *group_rows(PWord *words, size_t n, PWord **slots, size_t *n_rows) {
    size_t *first = malloc(n * sizeof(size_t)); /* each row's first word */
    size_t *sizes = calloc(n, sizeof(size_t));
    Row *rows = malloc(n * sizeof(Row));
    size_t count = 0;
    if (!first || !sizes || !rows) {
        free(first);
        free(sizes);
        free(rows);
        PyErr_NoMemory();
        return NULL;
    }
    for (size_t i = 0; i < n; i++) {
        double top = words[i].top, bottom = words[i].bottom, height = bottom - top;
        size_t joined = count;
        for (size_t k = count; k-- > 0 && k + 4 > count;) {
            double ref_top = words[first[k]].top, ref_bottom = words[first[k]].bottom;
            double overlap = (bottom < ref_bottom ? bottom : ref_bottom) -
                             (top > ref_top ? top : ref_top);
            double ref_height = ref_bottom - ref_top;
            if (overlap > 0.5 * (height < ref_height ? height : ref_height)) {
                joined = k;
                break;
            }
        }
        if (joined == count) first[count++] = i;
        words[i].row = joined;
        sizes[joined]++;
    }
    size_t at = 0;
    for (size_t r = 0; r < count; r++) {
        rows[r].words = slots + at;
        rows[r].n = 0;
        at += sizes[r];
    }
    for (size_t i = 0; i < n; i++) {
        Row *row = &rows[words[i].row];
        row->words[row->n++] = &words[i];
        words[i].row = i; /* from here on: the position in sorted order, for stable sorts */
    }
    for (size_t r = 0; r < count; r++)
        qsort(rows[r].words, rows[r].n, sizeof(PWord *), by_word_x0);
    free(first);
    free(sizes);
    *n_rows = count;
    return rows;
}

/* Left edges of a second column (as _column_edges): x positions in mid-page where many rows
 * restart after white space, with few rows' words crossing them. */
static int column_edges(LineWork *work, double page_width) {
    size_t cap = 0, n_starts = 0;
    for (size_t r = 0; r < work->n_rows; r++) cap += work->rows[r].n;
    double *keys = malloc((cap ? cap : 1) * sizeof(double));
    Py_ssize_t *counts = malloc((cap ? cap : 1) * sizeof(Py_ssize_t));
    if (!keys || !counts) {
        free(keys);
        free(counts);
        PyErr_NoMemory();
        return -1;
    }
    for (size_t r = 0; r < work->n_rows; r++) {
        const Row *row = &work->rows[r];
        for (size_t i = 1; i < row->n; i++) {
            double x0 = row->words[i]->x0;
            if (!(x0 - row->words[i - 1]->x1 > 4 && 0.3 * page_width < x0 &&
                  x0 < 0.7 * page_width))
                continue;
            double key = python_round0(x0);
            size_t k = 0;
            while (k < n_starts && keys[k] != key) k++;
            if (k == n_starts) {
                keys[n_starts] = key;
                counts[n_starts++] = 0;
            }
            counts[k]++;
        }
    }
    work->n_edges = 0;
    int taken[3] = {-1, -1, -1};
    for (int pick = 0; pick < 3 && (size_t)pick < n_starts; pick++) {
        /* most_common(3): the largest counts, the first seen on a tie */
        size_t best = n_starts;
        for (size_t k = 0; k < n_starts; k++) {
            if ((int)k == taken[0] || (int)k == taken[1]) continue;
            if (best == n_starts || counts[k] > counts[best]) best = k;
        }
        taken[pick] = (int)best;
        double x = keys[best];
        Py_ssize_t near = 0;
        for (size_t k = 0; k < n_starts; k++)
            if (fabs(keys[k] - x) <= 2) near += counts[k];
        int close = 0;
        for (size_t e = 0; e < work->n_edges; e++) close |= fabs(x - work->edges[e]) <= 2;
        if (near < 6 || close) continue;
        /* A real column edge has white space just left of it in almost every row. */
        double low = 0.0, high = 0.0;
        int any = 0;
        for (size_t r = 0; r < work->n_rows; r++) {
            const Row *row = &work->rows[r];
            int restarts = 0;
            for (size_t i = 1; i < row->n && !restarts; i++)
                restarts = fabs(row->words[i]->x0 - x) <= 2;
            if (!restarts) continue;
            double top = row->words[0]->top;
            if (!any || top < low) low = top;
            if (!any || top > high) high = top;
            any = 1;
        }
        Py_ssize_t crossing = 0;
        for (size_t r = 0; r < work->n_rows; r++) {
            const Row *row = &work->rows[r];
            if (!(low <= row->words[0]->top && row->words[0]->top <= high)) continue;
            for (size_t i = 0; i < row->n; i++) {
                if (row->words[i]->x0 < x - 3 && x - 3 < row->words[i]->x1) {
                    crossing++;
                    break;
                }
            }
        }
        if ((double)crossing <= 0.15 * (double)near) work->edges[work->n_edges++] = x;
    }
    free(keys);
    free(counts);
    return 0;
}

/* True when a neighbouring row (one starting within three font sizes of row r's top) also
 * breaks where a gap ending at `right` ends, as _is_gutter with _neighbours; none: true. */
static int is_gutter(const LineWork *work, size_t r, double right) {
    const PWord *head = work->rows[r].words[0];
    double edge = right - 2;
    int found = 0;
    for (size_t k = 0; k < work->n_rows; k++) {
        const Row *other = &work->rows[k];
        if (k == r || !(fabs(other->words[0]->top - head->top) < 3 * head->size)) continue;
        found = 1;
        int crossed = 0, before = 0;
        for (size_t i = 0; i < other->n && !crossed; i++) {
            crossed = other->words[i]->x0 < edge && edge < other->words[i]->x1;
            before |= other->words[i]->x1 <= edge;
        }
        if (!crossed && before) return 1;
    }
    return !found;
}

/* True when a neighbouring row starts where a gap ending at `right` ends: the cell right of
 * the gap wraps under its first line, as _cell_wraps with _neighbours. */
static int cell_wraps(const LineWork *work, size_t r, double right) {
    const PWord *head = work->rows[r].words[0];
    for (size_t k = 0; k < work->n_rows; k++) {
        const Row *other = &work->rows[k];
        if (k == r || !(fabs(other->words[0]->top - head->top) < 3 * head->size)) continue;
        if (fabs(other->words[0]->x0 - right) <= 1.0) return 1;
    }
    return 0;
}

/* True when word w is a number ("1", "4.2", "12a"), as _NUMBER_WORD_RE: a label's, ending it. */
static int number_word(const LineWork *work, const PWord *w) {
    int kind = PyUnicode_KIND(work->text);
    const void *data = PyUnicode_DATA(work->text);
    Py_ssize_t n = w->len;
    Py_UCS4 first = n > 0 ? PyUnicode_READ(kind, data, w->start) : 0;
    if (first < '0' || first > '9') return 0;
    if (n > 1 && PyUnicode_READ(kind, data, w->start + n - 1) == '.') n--;
    Py_UCS4 end = PyUnicode_READ(kind, data, w->start + n - 1);
    if (n > 1 && end >= 'a' && end <= 'z') n--;
    for (Py_ssize_t c = 1; c < n; c++) {
        Py_UCS4 ch = PyUnicode_READ(kind, data, w->start + c);
        if (ch != '.' && !(ch >= '0' && ch <= '9')) return 0;
    }
    return 1;
}

/* True for a few words that read as an item's label, a word then a number ("REC 1"), as
 * _label_words. */
static int label_words(const LineWork *work, PWord *const *words, size_t n) {
    return n <= 4 && number_word(work, words[n - 1]) && !number_word(work, words[0]);
}

/* The text of word w as a str (for the regular expressions). */
static int text_matches(const LineWork *work, const PWord *w, PyObject *match) {
    PyObject *text = PyUnicode_Substring(work->text, w->start, w->start + w->len);
    if (!text) return -1;
    PyObject *found = PyObject_CallOneArg(match, text);
    Py_DECREF(text);
    if (!found) return -1;
    int truth = PyObject_IsTrue(found);
    Py_DECREF(found);
    return truth;
}

/* One segment of a row as a Line (as _segment_to_line): the size most of its characters have,
 * bold when most are, small raised footnote markers dropped from its text. */
static PyObject *segment_line(LineWork *work, PWord **seg, size_t n) {
    size_t n_sizes = 0;
    Py_ssize_t total = 0, bold_chars = 0;
    for (size_t i = 0; i < n; i++) {
        size_t k = 0;
        while (k < n_sizes && work->sizes[k] != seg[i]->size) k++;
        if (k == n_sizes) {
            work->sizes[n_sizes] = seg[i]->size;
            work->counts[n_sizes++] = 0;
        }
        work->counts[k] += seg[i]->len;
        total += seg[i]->len;
        if (seg[i]->bold) bold_chars += seg[i]->len;
    }
    double size = seg[0]->size, base = 0.0;
    int filter = !(n_sizes == 1 && seg[0]->size > 0);
    if (filter) {
        size_t most = 0;
        for (size_t k = 1; k < n_sizes; k++)
            if (work->counts[k] > work->counts[most]) most = k;
        size = work->sizes[most];
        int any = 0;
        for (size_t i = 0; i < n; i++) {
            if (seg[i]->size != size) continue;
            if (!any || seg[i]->bottom > base) base = seg[i]->bottom;
            any = 1;
        }
    }
    size_t length = 0;
    for (size_t i = 0; i < n; i++) length += (size_t)seg[i]->len + 1;
    if (length > work->cap_chars) {
        Py_UCS4 *grown = realloc(work->chars, length * sizeof(Py_UCS4));
        if (!grown) return PyErr_NoMemory();
        work->chars = grown;
        work->cap_chars = length;
    }
    int kind = PyUnicode_KIND(work->text);
    const void *data = PyUnicode_DATA(work->text);
    size_t at = 0, kept = 0;
    Py_ssize_t tail = 0; /* characters of the trailing run of bold words, spaces between them */
    Py_ssize_t head = 0; /* and of the opening run */
    int opening = 1;
    double x0 = seg[0]->x0, x1 = seg[0]->x1, top = seg[0]->top, bottom = seg[0]->bottom;
    for (size_t i = 0; i < n; i++) {
        const PWord *w = seg[i];
        if (w->x0 < x0) x0 = w->x0;
        if (w->x1 > x1) x1 = w->x1;
        if (w->top < top) top = w->top;
        if (w->bottom > bottom) bottom = w->bottom;
        if (filter && i > 0 && w->size <= 0.8 * size && w->bottom < base - 0.15 * size) {
            int marker = text_matches(work, w, work->superscript);
            if (marker < 0) return NULL;
            if (marker) continue; /* a footnote reference marker */
        }
        if (kept++ > 0) work->chars[at++] = ' ';
        tail = w->bold ? (tail > 0 ? tail + 1 : 0) + w->len : 0;
        opening = opening && w->bold;
        if (opening) head = tail;
        for (Py_ssize_t c = 0; c < w->len; c++)
            work->chars[at++] = PyUnicode_READ(kind, data, w->start + c);
    }
    PyObject *text = PyUnicode_FromKindAndData(PyUnicode_4BYTE_KIND, work->chars, (Py_ssize_t)at);
    if (!text) return NULL;
    PyObject *bold = (double)bold_chars > 0.6 * (double)total ? Py_True : Py_False;
    return PyObject_CallFunction(work->line, "ONdddddOOinn", work->page, text, x0, x1, top,
                                 bottom, size, bold, Py_False, 0, tail, head);
}

/* The widest gap, in ems, between a hanging list mark and its text (text.py's _HANGING_GAP). */
#define HANGING_GAP 10.0

/* Split each row at column edges and gutters (never after a lone list mark) into lines. */
static int row_lines(LineWork *work, size_t r, PyObject *lines) {
    const Row *row = &work->rows[r];
    size_t start = 0;
    for (size_t i = 1; i <= row->n; i++) {
        int split = i == row->n;
        if (!split) {
            const PWord *last = row->words[i - 1], *word = row->words[i];
            double gap = word->x0 - last->x1;
            int at_edge = 0;
            double size = word->size < last->size ? last->size : word->size;
            for (size_t e = 0; gap > 4 && e < work->n_edges; e++) {
                /* the word starts at the edge after white space before it (a gutter, not a
                 * word space in a line across both columns), or within an em past it after
                 * a gap wider than an em that holds the edge */
                double edge = work->edges[e];
                at_edge |= (fabs(word->x0 - edge) <= 2 && last->x1 <= edge - 0.5 * size) ||
                           (gap > size && last->x1 <= edge - 2 && edge - 2 <= word->x0 &&
                            word->x0 <= edge + size);
            }
            split = at_edge || (gap > 12.0 && gap > 1.6 * size &&
                                (is_gutter(work, r, word->x0) ||
                                 (i - start > 1 && !label_words(work, row->words + start,
                                                                i - start) &&
                                  cell_wraps(work, r, word->x0))));
            if (split && i - start == 1 && gap <= HANGING_GAP * size &&
                !(start > 0 && at_edge && gap > 3 * size)) {
                /* a lone list mark hangs in front of its text: never a line of its own (a
                 * column's width away, it stands beside another column's line instead; after
                 * other cells of its row, a number more than three ems short of a column's
                 * edge is a table's cell beside the next column's text) */
                int mark = text_matches(work, row->words[start], work->list_mark);
                if (mark < 0) return -1;
                split = !mark;
            }
        }
        if (!split) continue;
        PyObject *line = segment_line(work, row->words + start, i - start);
        if (!line) return -1;
        int status = PyList_Append(lines, line);
        Py_DECREF(line);
        if (status < 0) return -1;
        start = i;
    }
    return 0;
}

/* The packed words in PWord records, or 0 (no exception) when Python must do it: lengths that
 * do not add up, or a coordinate that is not finite (round() raises there). */
static int unpack_words(PyObject *text, const Py_buffer *lengths, const Py_buffer *coords,
                        const Py_buffer *bold, PWord *words, size_t n) {
    const unsigned int *length = lengths->buf;
    const double *coord = coords->buf;
    const unsigned char *flag = bold->buf;
    Py_ssize_t at = 0;
    for (size_t i = 0; i < n; i++) {
        PWord *w = &words[i];
        const double *c = coord + 5 * i;
        for (int k = 0; k < 5; k++)
            if (!isfinite(c[k])) return 0;
        w->x0 = c[0];
        w->x1 = c[1];
        w->top = c[2];
        w->bottom = c[3];
        w->size = c[4];
        w->key = python_round0(w->top);
        w->start = at;
        w->len = (Py_ssize_t)length[i];
        w->order = i;
        w->bold = flag[i] != 0;
        at += w->len;
        if (at > PyUnicode_GET_LENGTH(text)) return 0;
    }
    return at == PyUnicode_GET_LENGTH(text);
}

static PyObject *build_lines(LineWork *work, PWord *words, size_t n, double page_width) {
    PWord **slots = malloc(n * sizeof(PWord *));
    work->sizes = malloc(n * sizeof(double));
    work->counts = malloc(n * sizeof(Py_ssize_t));
    work->chars = NULL;
    work->cap_chars = 0;
    PyObject *lines = NULL;
    if (!slots || !work->sizes || !work->counts) {
        PyErr_NoMemory();
    } else {
        qsort(words, n, sizeof(PWord), by_row_key);
        work->rows = group_rows(words, n, slots, &work->n_rows);
        if (work->rows && column_edges(work, page_width) == 0) lines = PyList_New(0);
        for (size_t r = 0; lines && r < work->n_rows; r++) {
            if (row_lines(work, r, lines) < 0) Py_CLEAR(lines);
        }
        free(work->rows);
    }
    free(slots);
    free(work->sizes);
    free(work->counts);
    free(work->chars);
    return lines;
}

static PyObject *page_lines(PyObject *self, PyObject *args) {
    (void)self;
    LineWork work;
    memset(&work, 0, sizeof work);
    PyObject *lengths_obj, *coords_obj, *bold_obj;
    double page_width;
    if (!PyArg_ParseTuple(args, "UOOOdOOOO", &work.text, &lengths_obj, &coords_obj, &bold_obj,
                          &page_width, &work.page, &work.line, &work.list_mark,
                          &work.superscript))
        return NULL;
    Py_buffer lengths, coords, bold;
    if (PyObject_GetBuffer(lengths_obj, &lengths, PyBUF_FORMAT) < 0) return NULL;
    if (PyObject_GetBuffer(coords_obj, &coords, PyBUF_FORMAT) < 0) {
        PyBuffer_Release(&lengths);
        return NULL;
    }
    if (PyObject_GetBuffer(bold_obj, &bold, PyBUF_SIMPLE) < 0) {
        PyBuffer_Release(&lengths);
        PyBuffer_Release(&coords);
        return NULL;
    }
    PyObject *result = NULL;
    size_t n = (size_t)bold.len;
    PWord *words = NULL;
    if (strcmp(lengths.format, "I") != 0 || lengths.itemsize != sizeof(unsigned int) ||
        strcmp(coords.format, "d") != 0 || coords.itemsize != sizeof(double)) {
        PyErr_SetString(PyExc_TypeError, "lengths must be array('I'), coordinates array('d')");
    } else if ((size_t)(lengths.len / lengths.itemsize) != n ||
               (size_t)(coords.len / coords.itemsize) != 5 * n) {
        result = Py_NewRef(Py_None); /* inconsistent packing: Python's zip(strict=True) says so */
    } else if (n == 0) {
        result = PyList_New(0);
    } else if (!(words = malloc(n * sizeof(PWord)))) {
        PyErr_NoMemory();
    } else if (!unpack_words(work.text, &lengths, &coords, &bold, words, n)) {
        result = Py_NewRef(Py_None);
    } else {
        result = build_lines(&work, words, n, page_width);
    }
    free(words);
    PyBuffer_Release(&lengths);
    PyBuffer_Release(&coords);
    PyBuffer_Release(&bold);
    return result;
}

/* ---------------------------------------------------------------- module */

static PyObject *bind(PyObject *self, PyObject *args) {
    (void)self;
    PyObject *addresses;
    if (!PyArg_ParseTuple(args, "O!", &PyTuple_Type, &addresses)) return NULL;
    if (PyTuple_GET_SIZE(addresses) != N_FUNCTIONS) {
        PyErr_Format(PyExc_ValueError, "expected %d function addresses", N_FUNCTIONS);
        return NULL;
    }
    void *found[N_FUNCTIONS];
    for (int i = 0; i < N_FUNCTIONS; i++) {
        found[i] = PyLong_AsVoidPtr(PyTuple_GET_ITEM(addresses, i));
        if (!found[i]) {
            if (!PyErr_Occurred())
                PyErr_Format(PyExc_ValueError, "no address for %s", FUNCTION_NAMES[i]);
            return NULL;
        }
    }
    for (int i = 0; i < N_FUNCTIONS; i++) *FUNCTION_SLOTS[i] = found[i];
    bound = 1;
    Py_RETURN_NONE;
}

static PyMethodDef methods[] = {
    {"bind", bind, METH_VARARGS, "Take the addresses of the PDFium functions named in FUNCTIONS."},
    {"page_words", page_words, METH_VARARGS,
     "Words (text, x0, x1, top, bottom, size, font index) and font names of a text page."},
    {"page_paths", page_paths, METH_VARARGS,
     "Drawn straight paths (x0, top, x1, bottom, filled, stroked) and edges of a page."},
    {"page_lines", page_lines, METH_VARARGS,
     "A page's packed words grouped into Lines, before column ordering (None: use Python)."},
    {NULL, NULL, 0, NULL},
};

static struct PyModuleDef module = {
    PyModuleDef_HEAD_INIT, "_pdfpage", "PDFium page → words and drawn paths, in C.", -1, methods,
    NULL, NULL, NULL, NULL,
};

PyMODINIT_FUNC PyInit__pdfpage(void) {
    PyObject *m = PyModule_Create(&module);
    if (!m) return NULL;
    PyObject *math = PyImport_ImportModule("math");
    if (!math) { Py_DECREF(m); return NULL; }
    math_hypot = PyObject_GetAttrString(math, "hypot");
    Py_DECREF(math);
    if (!math_hypot) { Py_DECREF(m); return NULL; }
    PyObject *names = PyTuple_New(N_FUNCTIONS);
    if (!names) { Py_DECREF(m); return NULL; }
    for (int i = 0; i < N_FUNCTIONS; i++) {
        PyObject *name = PyUnicode_FromString(FUNCTION_NAMES[i]);
        if (!name) { Py_DECREF(names); Py_DECREF(m); return NULL; }
        PyTuple_SET_ITEM(names, i, name);
    }
    if (PyModule_AddObject(m, "FUNCTIONS", names) < 0) {
        Py_DECREF(names);
        Py_DECREF(m);
        return NULL;
    }
    return m;
}
