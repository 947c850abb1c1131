
// ---- The rest of the app's code, a second wasm module (cargo xtask's code_split) -------------
// The first module holds what the app runs to show its first page; the rest is fetched after the
// paint of that page's content (its rows, a sign-in form, an error), or at the user's first click
// or key, or at once for a page that needs it from the start, and instantiated as soon as it is
// compiled. A call into the rest before then loads it at once, synchronously: slower, never
// wrong.
const restUrl = new URL('REST_FILE', import.meta.url);
let restModule, restCompiling, restSettled;
// What is no part of a first page ("Switch user") waits for the rest, or for its first load to
// fail (startup::whole_code).
window.appRest = new Promise((resolve, reject) => { restSettled = { resolve, reject }; });
window.appRest.catch(() => {});
function restPrefetch() {
    // Compiled from its bytes, not streamed: a static host may serve wasm under another type.
    restCompiling ??= fetch(restUrl)
        .then((response) => {
            if (!response.ok) throw new Error(`HTTP ${response.status}`);
            return response.arrayBuffer();
        })
        .then((bytes) => WebAssembly.compile(bytes))
        .then((module) => { restModule ??= module; restInstantiate(); })
        .catch((error) => {
            console.warn(`the rest of the app's code (${restUrl}) could not be loaded yet: ${error}`);
            restCompiling = undefined; // a call into the rest asks again
            restSettled.reject(error);
        });
    return restCompiling;
}
function restInstantiate() {
    if (wasm === undefined || restModule === undefined || wasm.__split_loaded.value) return;
    new WebAssembly.Instance(restModule, { primary: wasm });
    wasm.__split_loaded.value = 1;
    restSettled.resolve();
}
function restLoadNow() {
    try {
        if (restModule === undefined) {
            const request = new XMLHttpRequest();
            request.open('GET', restUrl, false);
            // Bytes as characters: a synchronous request can only answer text.
            request.overrideMimeType('text/plain; charset=x-user-defined');
            request.send();
            if (request.status !== 200) throw new Error(`${restUrl}: HTTP ${request.status}`);
            const text = request.responseText;
            const bytes = new Uint8Array(text.length);
            for (let i = 0; i < text.length; i++) bytes[i] = text.charCodeAt(i) & 0xff;
            restModule = new WebAssembly.Module(bytes);
        }
        restInstantiate();
        if (!wasm?.__split_loaded.value) throw new Error('the rest of the code was called before the app started');
    } catch (error) {
        // The app cannot go on: index.html says so where the user looks, in the user's language.
        window.appPartFailed?.();
        throw error;
    }
}
// A deep link to a request's credentials opens its dialog at the start: the app waits for both.
const restAtStart = /\/credentials\/?$/.test(location.pathname) ? restPrefetch() : undefined;
// Otherwise the rest comes after the paint of the page's first content, which the app announces
// (startup::page_shown), so that it never competes with the first rows for the network.
if (!restAtStart) addEventListener('app-page-shown', () => requestAnimationFrame(() => setTimeout(restPrefetch)), { once: true });
for (const type of ['pointerdown', 'keydown']) addEventListener(type, () => restPrefetch(), { capture: true, once: true });
