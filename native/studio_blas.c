/*
 * studio_blas: the machine's optimized BLAS (OpenBLAS, MKL, BLIS or Apple's Accelerate) for the
 * trainer's matrix products, as a Node-API addon. WebAssembly has no fused multiply-add and only
 * 128-bit vectors, so XNNPACK in tfjs-backend-wasm multiplies at about a third of what the same
 * core does natively; the products read and write the wasm heap in place (no copies).
 *
 * The library is found at run time with dlopen, so the addon builds with only a C compiler and
 * Node's headers, and a machine without an optimized BLAS simply keeps the wasm products. The
 * netlib reference BLAS is refused: it is slower than XNNPACK.
 *
 * Every call checks that each matrix, as its sizes and leading dimension describe it, lies inside
 * the Float32Array given for it, so a wrong call throws instead of touching other memory.
 */
#include <math.h>
#include <node_api.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>
#ifdef _WIN32
/* Not built on Windows (scripts/build-native.mjs says so); the trainer keeps the wasm products. */
#error "studio_blas is built on Linux and macOS only"
#endif
#include <dlfcn.h>

enum { ROW_MAJOR = 101, NO_TRANS = 111, TRANS = 112 };

typedef void (*sgemm_fn)(int order, int trans_a, int trans_b, int m, int n, int k, float alpha,
                         const float *a, int lda, const float *b, int ldb, float beta, float *c,
                         int ldc);
typedef void (*set_threads_fn)(int n);

static sgemm_fn sgemm = NULL;
static set_threads_fn set_threads = NULL;
static char library[160] = "";
static char missing[512] = "";

/* Opens `file` and keeps it when it is an optimized BLAS with cblas_sgemm; returns 1 if kept. */
static int try_library(const char *file, const char *vendor, const char *marker,
                       const char *threads_symbol) {
  void *handle = dlopen(file, RTLD_NOW | RTLD_LOCAL);
  if (!handle) return 0;
  void *marked = marker ? dlsym(handle, marker) : (void *)1;
  sgemm_fn found = (sgemm_fn)dlsym(handle, "cblas_sgemm");
  if (!marked || !found) {
    dlclose(handle);
    return 0;
  }
  sgemm = found;
  set_threads = threads_symbol ? (set_threads_fn)dlsym(handle, threads_symbol) : NULL;
  snprintf(library, sizeof library, "%s (%s)", vendor, file);
  return 1;
}

static void find_library(void) {
#ifdef __APPLE__
  if (try_library("/System/Library/Frameworks/Accelerate.framework/Accelerate", "Accelerate",
                  NULL, NULL))
    return;
#endif
  static const char *openblas[] = {"libopenblas.so.0", "libopenblas.so", "libopenblas.dylib",
                                   "/opt/homebrew/opt/openblas/lib/libopenblas.dylib",
                                   "/usr/local/opt/openblas/lib/libopenblas.dylib",
                                   /* Debian's libblas.so.3 is OpenBLAS when that is installed. */
                                   "libblas.so.3"};
  for (size_t i = 0; i < sizeof openblas / sizeof *openblas; i++)
    if (try_library(openblas[i], "OpenBLAS", "openblas_get_config", "openblas_set_num_threads"))
      return;
  if (try_library("libmkl_rt.so", "MKL", "MKL_Get_Version", "MKL_Set_Num_Threads")) return;
  if (try_library("libmkl_rt.so.2", "MKL", "MKL_Get_Version", "MKL_Set_Num_Threads")) return;
  if (try_library("libblis.so.4", "BLIS", "bli_info_get_version_str", "bli_thread_set_num_threads"))
    return;
  snprintf(missing, sizeof missing,
           "no optimized BLAS found (looked for OpenBLAS, MKL, BLIS%s)",
#ifdef __APPLE__
           ", Accelerate"
#else
           ""
#endif
  );
}

static napi_value throw_error(napi_env env, const char *message) {
  napi_throw_error(env, "ERR_STUDIO_BLAS", message);
  return NULL;
}

static int get_int(napi_env env, napi_value value, int64_t *out) {
  return napi_get_value_int64(env, value, out) == napi_ok;
}

/* The float32 array behind `value`, with its length in elements. */
static int get_floats(napi_env env, napi_value value, float **data, size_t *length) {
  napi_typedarray_type type;
  napi_value buffer;
  size_t offset;
  void *raw;
  if (napi_get_typedarray_info(env, value, &type, length, &raw, &buffer, &offset) != napi_ok)
    return 0;
  if (type != napi_float32_array) return 0;
  *data = (float *)raw;
  return 1;
}

/* Whether a row-major matrix of `rows` x `cols` with leading dimension `ld` fits in `length`. */
static int fits(int64_t rows, int64_t cols, int64_t ld, size_t length) {
  if (rows < 0 || cols < 0 || ld < (cols > 1 ? cols : 1)) return 0;
  if (rows == 0 || cols == 0) return 1;
  return (rows - 1) * ld + cols <= (int64_t)length;
}

/*
 * sgemm(transA, transB, m, n, k, a, lda, b, ldb, beta, c, ldc): c = op(a) op(b) + beta c, row
 * major, where op(a) is m x k and op(b) is k x n.
 */
static napi_value js_sgemm(napi_env env, napi_callback_info info) {
  size_t argc = 12;
  napi_value argv[12];
  if (napi_get_cb_info(env, info, &argc, argv, NULL, NULL) != napi_ok || argc != 12)
    return throw_error(env, "sgemm takes 12 arguments.");
  if (!sgemm) return throw_error(env, "No optimized BLAS is loaded.");
  bool trans_a, trans_b;
  int64_t m, n, k, lda, ldb, ldc;
  double beta;
  float *a, *b, *c;
  size_t la, lb, lc;
  if (napi_get_value_bool(env, argv[0], &trans_a) != napi_ok ||
      napi_get_value_bool(env, argv[1], &trans_b) != napi_ok || !get_int(env, argv[2], &m) ||
      !get_int(env, argv[3], &n) || !get_int(env, argv[4], &k) ||
      !get_floats(env, argv[5], &a, &la) || !get_int(env, argv[6], &lda) ||
      !get_floats(env, argv[7], &b, &lb) || !get_int(env, argv[8], &ldb) ||
      napi_get_value_double(env, argv[9], &beta) != napi_ok ||
      !get_floats(env, argv[10], &c, &lc) || !get_int(env, argv[11], &ldc))
    return throw_error(env, "sgemm: an argument has the wrong type.");
  if (m > INT32_MAX || n > INT32_MAX || k > INT32_MAX || lda > INT32_MAX || ldb > INT32_MAX ||
      ldc > INT32_MAX)
    return throw_error(env, "sgemm: a size is too large.");
  int a_ok = trans_a ? fits(k, m, lda, la) : fits(m, k, lda, la);
  int b_ok = trans_b ? fits(n, k, ldb, lb) : fits(k, n, ldb, lb);
  if (!a_ok || !b_ok || !fits(m, n, ldc, lc))
    return throw_error(env, "sgemm: a matrix does not fit in its array.");
  if (m == 0 || n == 0) return NULL;
  if (k == 0) {
    for (int64_t i = 0; i < m; i++)
      for (int64_t j = 0; j < n; j++) c[i * ldc + j] = beta == 0 ? 0.0f : (float)beta * c[i * ldc + j];
    return NULL;
  }
  sgemm(ROW_MAJOR, trans_a ? TRANS : NO_TRANS, trans_b ? TRANS : NO_TRANS, (int)m, (int)n, (int)k,
        1.0f, a, (int)lda, b, (int)ldb, (float)beta, c, (int)ldc);
  return NULL;
}


/* ---- Element-wise loops the trainer runs on every batch, vectorized by the compiler. ---- */

/* Reads `count` float32 arrays from argv[first..] and checks that they have the same length. */
static int same_length_arrays(napi_env env, napi_value *argv, int count, float **arrays,
                              size_t *length) {
  for (int i = 0; i < count; i++) {
    size_t len;
    if (!get_floats(env, argv[i], &arrays[i], &len)) return 0;
    if (i == 0) *length = len;
    else if (len != *length) return 0;
  }
  return 1;
}

/*
 * exp(x) for x <= 0 without libm, written so the loop around it vectorizes: 2^n times a degree-6
 * polynomial on [-ln2/2, ln2/2] (Cephes' coefficients for expf; relative error about 2e-7).
 */
static inline float exp_nonpositive(float x) {
  x = x < -87.0f ? -87.0f : x;
  /* Rounds to the nearest integer by adding and removing 1.5 * 2^23 (no floorf, which needs SSE4.1
     to vectorize). */
  float n = (x * 1.44269504088896341f + 12582912.0f) - 12582912.0f;
  float r = x - n * 0.693359375f + n * 2.12194440e-4f;
  float p = 1.9875691500e-4f;
  p = p * r + 1.3981999507e-3f;
  p = p * r + 8.3334519073e-3f;
  p = p * r + 4.1665795894e-2f;
  p = p * r + 1.6666665459e-1f;
  p = p * r + 5.0000001201e-1f;
  p = p * r * r + r + 1.0f;
  union { int32_t i; float f; } scale = {.i = ((int32_t)n + 127) << 23};
  return p * scale.f;
}

/* tanh(x, y): y = tanh(x); near 0 its series keeps full relative precision. */
static napi_value js_tanh(napi_env env, napi_callback_info info) {
  size_t argc = 2, length = 0;
  napi_value argv[2];
  float *v[2];
  if (napi_get_cb_info(env, info, &argc, argv, NULL, NULL) != napi_ok || argc != 2 ||
      !same_length_arrays(env, argv, 2, v, &length))
    return throw_error(env, "tanh takes two float32 arrays of the same length.");
  const float *x = v[0];
  float *y = v[1];
  for (size_t i = 0; i < length; i++) {
    float a = fabsf(x[i]);
    float x2 = x[i] * x[i];
    float series = x[i] * (1.0f - x2 * (1.0f / 3.0f - x2 * (2.0f / 15.0f - x2 * (17.0f / 315.0f))));
    float e = exp_nonpositive(-2.0f * a);
    float t = copysignf((1.0f - e) / (1.0f + e), x[i]);
    y[i] = a < 0.125f ? series : t;
  }
  return NULL;
}

/* addRows(x, row, y): y = x + row, with `row` added to each row of x (a bias over the last axis). */
static napi_value js_add_rows(napi_env env, napi_callback_info info) {
  size_t argc = 3, lx, lr, ly;
  napi_value argv[3];
  float *x, *row, *y;
  if (napi_get_cb_info(env, info, &argc, argv, NULL, NULL) != napi_ok || argc != 3 ||
      !get_floats(env, argv[0], &x, &lx) || !get_floats(env, argv[1], &row, &lr) ||
      !get_floats(env, argv[2], &y, &ly) || lx != ly || lr == 0 || lx % lr != 0)
    return throw_error(env, "addRows takes x, a row dividing its length, and y of x's length.");
  for (size_t r = 0; r < lx; r += lr)
    for (size_t j = 0; j < lr; j++) y[r + j] = x[r + j] + row[j];
  return NULL;
}

/* The loop of toBytes; restrict, since a byte store could otherwise alias the floats and the
   compiler would not vectorize. Through int32: the compiler vectorizes float to int32, not float
   straight to a byte. */
static void to_bytes(const float *restrict x, uint8_t *restrict y, size_t n) {
  for (size_t i = 0; i < n; i++) {
    float v = x[i];
    /* Written so NaN fails both tests and falls to 0. */
    float c = v > 0.0f ? (v < 1.0f ? v : 1.0f) : 0.0f;
    /* In double, as JavaScript's Math.round(255 c) is: float would round some ties up. */
    y[i] = (uint8_t)(int32_t)((double)c * 255.0 + 0.5);
  }
}

/*
 * toBytes(x, y): y = round(255 x) with x clipped to [0, 1] and NaN as 0: decoded pictures as the
 * bytes a screen shows, a quarter of the floats' size to carry between processes.
 */
static napi_value js_to_bytes(napi_env env, napi_callback_info info) {
  size_t argc = 2, lx = 0, ly = 0, offset;
  napi_value argv[2], buffer;
  napi_typedarray_type type;
  float *x;
  void *raw;
  if (napi_get_cb_info(env, info, &argc, argv, NULL, NULL) != napi_ok || argc != 2 ||
      !get_floats(env, argv[0], &x, &lx) ||
      napi_get_typedarray_info(env, argv[1], &type, &ly, &raw, &buffer, &offset) != napi_ok ||
      type != napi_uint8_array || lx != ly)
    return throw_error(env, "toBytes takes a float32 array and a uint8 array of its length.");
  /* A float array and a byte array on the same memory would be a caller's mistake: refused. */
  const uint8_t *from = (const uint8_t *)x, *to = (const uint8_t *)raw;
  if (to < from + lx * sizeof(float) && from < to + ly)
    return throw_error(env, "toBytes cannot write over the floats it reads.");
  to_bytes(x, (uint8_t *)raw, lx);
  return NULL;
}

/* The clip Keras applies to probabilities before its logarithms. */
static const float LO = 1e-7f, HI = 1.0f - 1e-7f;

/*
 * bceSum(p, t): the sum over i of -(t log p + (1 - t) log(1 - p)), p clipped to [LO, HI], in
 * double. A target of exactly 0 or 1 contributes log of one factor; 32 such factors are multiplied
 * before one logarithm (each at least 1e-7, so the product stays far above double's least value).
 */
static napi_value js_bce_sum(napi_env env, napi_callback_info info) {
  size_t argc = 2, length = 0;
  napi_value argv[2], result;
  float *v[2];
  if (napi_get_cb_info(env, info, &argc, argv, NULL, NULL) != napi_ok || argc != 2 ||
      !same_length_arrays(env, argv, 2, v, &length))
    return throw_error(env, "bceSum takes two float32 arrays of the same length.");
  const float *p = v[0], *t = v[1];
  double sum = 0, product = 1;
  int factors = 0;
  for (size_t i = 0; i < length; i++) {
    float pc = p[i] < LO ? LO : p[i] > HI ? HI : p[i];
    float ti = t[i];
    if (ti == 0.0f || ti == 1.0f) {
      product *= ti == 0.0f ? 1.0 - (double)pc : (double)pc;
      if (++factors == 32) {
        sum += log(product);
        product = 1;
        factors = 0;
      }
    } else {
      sum += ti * log((double)pc) + (1.0 - ti) * log(1.0 - (double)pc);
    }
  }
  sum += log(product);
  napi_create_double(env, -sum, &result);
  return result;
}

/*
 * bceGrad(scale, p, t, g): g = scale (t / p - (1 - t) / (1 - p)) for p inside [LO, HI], 0 outside
 * (the gradient of the clip), where scale is -dy / n.
 */
static napi_value js_bce_grad(napi_env env, napi_callback_info info) {
  size_t argc = 4, length = 0;
  napi_value argv[4];
  double scale;
  float *v[3];
  if (napi_get_cb_info(env, info, &argc, argv, NULL, NULL) != napi_ok || argc != 4 ||
      napi_get_value_double(env, argv[0], &scale) != napi_ok ||
      !same_length_arrays(env, argv + 1, 3, v, &length))
    return throw_error(env, "bceGrad takes a scale and three float32 arrays of the same length.");
  const float *p = v[0], *t = v[1];
  float *g = v[2];
  const float s = (float)scale;
  for (size_t i = 0; i < length; i++) {
    float pi = p[i];
    float inside = pi >= LO && pi <= HI ? 1.0f : 0.0f;
    float q = inside > 0 ? pi : 0.5f;
    g[i] = inside * s * (t[i] / q - (1.0f - t[i]) / (1.0f - q));
  }
  return NULL;
}


/*
 * writeTaps(a, src, shape): the "im2col" rows of a convolution, one row per filter tap and source
 * channel, row[(n, y, x)] = src[n, y*sh + dir*kh + oh, x*sw + dir*kw + ow, c] or 0 outside the
 * image. shape is an Int32Array [batch, height, width, channels, kH, kW, outH, outW, sh, sw, dir,
 * oh, ow]. Every read is checked against the image, and a must hold exactly the rows.
 */
static napi_value js_write_taps(napi_env env, napi_callback_info info) {
  size_t argc = 3, la = 0, ls = 0, lg = 0;
  napi_value argv[3];
  float *a, *src;
  int32_t *g;
  napi_typedarray_type type;
  napi_value buffer;
  size_t offset;
  void *raw;
  if (napi_get_cb_info(env, info, &argc, argv, NULL, NULL) != napi_ok || argc != 3 ||
      !get_floats(env, argv[0], &a, &la) || !get_floats(env, argv[1], &src, &ls) ||
      napi_get_typedarray_info(env, argv[2], &type, &lg, &raw, &buffer, &offset) != napi_ok ||
      type != napi_int32_array || lg != 13)
    return throw_error(env, "writeTaps takes two float32 arrays and 13 int32 sizes.");
  g = (int32_t *)raw;
  const int64_t batch = g[0], height = g[1], width = g[2], channels = g[3], kh_n = g[4],
                kw_n = g[5], out_h = g[6], out_w = g[7], sh = g[8], sw = g[9], dir = g[10],
                oh = g[11], ow = g[12];
  if (batch < 0 || height < 1 || width < 1 || channels < 1 || kh_n < 1 || kw_n < 1 || out_h < 0 ||
      out_w < 0 || sh < 1 || sw < 1 || (dir != 1 && dir != -1))
    return throw_error(env, "writeTaps: a size is out of range.");
  if ((int64_t)ls != batch * height * width * channels ||
      (int64_t)la != kh_n * kw_n * channels * batch * out_h * out_w)
    return throw_error(env, "writeTaps: an array does not have the size its shape gives.");
  float *to = a;
  for (int64_t kh = 0; kh < kh_n; kh++)
    for (int64_t kw = 0; kw < kw_n; kw++) {
      const int64_t col_shift = dir * kw + ow;
      for (int64_t c = 0; c < channels; c++)
        for (int64_t n = 0; n < batch; n++)
          for (int64_t y = 0; y < out_h; y++, to += out_w) {
            const int64_t row = y * sh + dir * kh + oh;
            if (row < 0 || row >= height) {
              memset(to, 0, (size_t)out_w * sizeof(float));
              continue;
            }
            const float *line = src + ((n * height + row) * width) * channels + c;
            for (int64_t x = 0; x < out_w; x++) {
              const int64_t col = x * sw + col_shift;
              to[x] = col >= 0 && col < width ? line[col * channels] : 0.0f;
            }
          }
    }
  return NULL;
}


/* setThreads(n): the library's thread count, where it lets us set it; returns whether it did. */
static napi_value js_set_threads(napi_env env, napi_callback_info info) {
  size_t argc = 1;
  napi_value argv[1];
  int64_t n;
  napi_value result;
  if (napi_get_cb_info(env, info, &argc, argv, NULL, NULL) != napi_ok || argc != 1 ||
      !get_int(env, argv[0], &n) || n < 1 || n > 1024)
    return throw_error(env, "setThreads takes a thread count from 1 to 1024.");
  if (set_threads) set_threads((int)n);
  napi_get_boolean(env, set_threads != NULL, &result);
  return result;
}

static napi_value js_string(napi_env env, const char *text) {
  napi_value result;
  napi_create_string_utf8(env, text, NAPI_AUTO_LENGTH, &result);
  return result;
}

/* library(): the library in use, as "vendor (file)"; "" when none. */
static napi_value js_library(napi_env env, napi_callback_info info) {
  (void)info;
  return js_string(env, library);
}

/* missing(): why no library is in use, in words; "" when one is. */
static napi_value js_missing(napi_env env, napi_callback_info info) {
  (void)info;
  return js_string(env, missing);
}

static void export_function(napi_env env, napi_value exports, const char *name, napi_callback cb) {
  napi_value fn;
  napi_create_function(env, name, NAPI_AUTO_LENGTH, cb, NULL, &fn);
  napi_set_named_property(env, exports, name, fn);
}

NAPI_MODULE_INIT() {
  if (!sgemm && !missing[0]) find_library();
  export_function(env, exports, "sgemm", js_sgemm);
  export_function(env, exports, "tanh", js_tanh);
  export_function(env, exports, "writeTaps", js_write_taps);
  export_function(env, exports, "addRows", js_add_rows);
  export_function(env, exports, "toBytes", js_to_bytes);
  export_function(env, exports, "bceSum", js_bce_sum);
  export_function(env, exports, "bceGrad", js_bce_grad);
  export_function(env, exports, "setThreads", js_set_threads);
  export_function(env, exports, "library", js_library);
  export_function(env, exports, "missing", js_missing);
  return exports;
}
