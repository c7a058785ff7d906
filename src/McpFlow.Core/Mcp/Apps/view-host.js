"use strict";
// The MCP Apps view-host protocol (SEP-1865, 2026-01-26) shared by every McpFlow view: JSON-RPC 2.0 over postMessage
// with the host (window.parent), the host's theme, size reports and the first-paint stamp. AppView inlines it into each
// page ahead of the view's own script; a view calls McpView.start once with its handlers.
window.McpView = (() => {
  const PROTOCOL = "2026-01-26";
  const $ = id => document.getElementById(id);
  let nextId = 1, lastHeight = -1;
  const pending = new Map();
  const post = msg => window.parent.postMessage(Object.assign({ jsonrpc: "2.0" }, msg), "*");
  const request = (method, params) => new Promise((resolve, reject) => {
    const id = nextId++;
    pending.set(id, { resolve, reject });
    post({ id, method, params });
  });
  const notify = (method, params) => post({ method, params: params || {} });

  const el = (tag, props, ...children) => {
    const e = document.createElement(tag);
    Object.assign(e, props || {});
    for (const c of children) if (c != null) e.append(c);
    return e;
  };
  const textOf = result => ((result && result.content) || []).filter(c => c.type === "text").map(c => c.text).join("\n");

  function applyContext(ctx) {
    if (!ctx) return;
    if (ctx.theme) document.documentElement.dataset.theme = ctx.theme;
    const vars = ctx.styles && ctx.styles.variables;
    if (vars) for (const [k, v] of Object.entries(vars)) if (v) document.documentElement.style.setProperty(k, v);
  }

  const size = () => ({ width: Math.ceil(document.documentElement.scrollWidth), height: Math.ceil(document.documentElement.scrollHeight) });
  function sizeChanged() { const s = size(); if (s.height !== lastHeight) { lastHeight = s.height; notify("ui/notifications/size-changed", s); } }
  function status(text, error) { const s = $("status"); s.textContent = text; s.className = "status" + (error ? " error" : ""); sizeChanged(); }

  // First paint after the tool result: stamped once the browser has laid out and painted the view (two frames).
  function painted() {
    requestAnimationFrame(() => requestAnimationFrame(() => {
      if (!document.body.dataset.paintedAt) document.body.dataset.paintedAt = String(performance.timeOrigin + performance.now());
      sizeChanged();
    }));
  }

  // view: { name, result(params), input?(params), cancelled?(params), teardown?(params) }.
  function start(view) {
    window.addEventListener("message", event => {
      if (event.source !== window.parent) return;
      const msg = event.data;
      if (!msg || msg.jsonrpc !== "2.0") return;
      if (msg.id != null && !msg.method) {
        const p = pending.get(msg.id);
        if (!p) return;
        pending.delete(msg.id);
        return msg.error ? p.reject(new Error(msg.error.message)) : p.resolve(msg.result);
      }
      switch (msg.method) {
        case "ui/notifications/tool-input": if (view.input) view.input(msg.params); break;
        case "ui/notifications/tool-result": view.result(msg.params); break;
        case "ui/notifications/tool-cancelled": if (view.cancelled) view.cancelled(msg.params); break;
        case "ui/notifications/host-context-changed": applyContext(msg.params); break;
        case "ui/resource-teardown": if (view.teardown) view.teardown(msg.params); post({ id: msg.id, result: {} }); break;
        case "ping": post({ id: msg.id, result: {} }); break;
        default: if (msg.id != null) post({ id: msg.id, error: { code: -32601, message: "Method not found: " + msg.method } });
      }
    });
    request("ui/initialize", { appInfo: { name: view.name, version: "1.0.0" }, appCapabilities: {}, protocolVersion: PROTOCOL })
      .then(init => { applyContext(init && init.hostContext); notify("ui/notifications/initialized"); sizeChanged(); })
      .catch(() => status("The host did not answer ui/initialize.", true));
  }

  return { $, request, notify, el, textOf, size, sizeChanged, status, painted, start };
})();
