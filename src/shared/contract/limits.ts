/**
 * How large one request frame from the renderer may be in browser mode (the host's WebSocket
 * maxPayload), and how the renderer keeps its own requests under it.
 *
 * Only requests are limited: maxPayload applies to what the host receives, so replies and events
 * (codes, samples, exported files) travel at any size. What the renderer sends is small except
 * 'model.encode', which carries the chosen samples themselves. Measured with encodeFrame: 16
 * digits of 28x28 are 50,344 bytes; 16 colour pictures of 64x64, 786,600; of 256x256, 12,583,080
 * (the header is about 160 bytes of that). 64 MiB therefore leaves a margin of 5x over the largest
 * of those, and the renderer sends encode requests in batches of ENCODE_BATCH_BYTES, so 16 samples
 * of any size up to 16.7 million values each (64 MiB) still encode. A request that would still be
 * larger (one sample over 64 MiB, such as a 4096x4096 colour picture) is refused by the renderer's
 * transport with E_TOO_LARGE before it is sent: the app's own traffic never reaches the limit, and
 * a frame over it, which only a hostile client sends, closes just that connection (code 1009).
 */
export const MAX_REQUEST_FRAME_BYTES = 64 * 1024 * 1024;

/** The bytes of samples one 'model.encode' request carries at most (larger sets are batched). */
export const ENCODE_BATCH_BYTES = 8 * 1024 * 1024;
