"""The look of WhatsApp's flow sheet on a phone, light and dark. Inline: pages load nothing."""

from __future__ import annotations

CSS = """
:root{--bg:#f0f2f5;--dim:#8c8f8c;--sheet:#fff;--text:#111b21;--muted:#667781;--line:#d1d7db;
--accent:#008069;--cta:#1daa61;--cta-text:#fff;--off:#e9edef;--off-text:#8696a0;--error:#ea0038;
--chip:#e7fce3;--add:#1daa61;--del:#ea0038;--field:#fff}
[data-theme=dark]{--bg:#0b141a;--dim:#05080a;--sheet:#111b21;--text:#e9edef;--muted:#8696a0;
--line:#3b4a54;--accent:#21c063;--cta:#21c063;--cta-text:#111b21;--off:#202c33;--off-text:#667781;
--error:#f15c6d;--chip:#103529;--field:#111b21}
@media (prefers-color-scheme:dark){[data-theme=auto]{--bg:#0b141a;--dim:#05080a;--sheet:#111b21;
--text:#e9edef;--muted:#8696a0;--line:#3b4a54;--accent:#21c063;--cta:#21c063;--cta-text:#111b21;
--off:#202c33;--off-text:#667781;--error:#f15c6d;--chip:#103529;--field:#111b21}}
*{box-sizing:border-box}
body{margin:0;background:var(--bg);color:var(--text);font:15px/1.4 system-ui,-apple-system,
"Segoe UI",Roboto,"Helvetica Neue",Arial,sans-serif}
.phones{display:flex;flex-wrap:wrap;gap:24px;padding:16px;align-items:flex-start}
.phone{width:360px;height:740px;display:flex;flex-direction:column;background:var(--dim);
border-radius:28px;overflow:hidden;border:8px solid #1f2c33;position:relative}
.phone::before{content:"";height:48px;flex:none}
.sheet{flex:1;display:flex;flex-direction:column;background:var(--sheet);
border-radius:16px 16px 0 0;min-height:0}
.bar{display:flex;align-items:center;gap:12px;padding:14px 16px 10px;flex:none}
.bar .nav,.bar .menu{width:24px;text-align:center;font-size:20px;color:var(--text);background:none;
border:0;padding:0;cursor:pointer}
.bar .title{flex:1;margin:0;font-size:17px;font-weight:600;overflow:hidden;text-overflow:ellipsis;
white-space:nowrap}
.content{flex:1;overflow-y:auto;padding:8px 16px 16px;min-height:0}
.content>*+*,.content .mark>*{margin-top:16px}
.t-heading{font-size:20px;font-weight:700;margin:8px 0 0}
.t-sub{font-size:16px;font-weight:600;margin:8px 0 0}
.t-body{margin:0;white-space:pre-wrap}.t-caption{margin:0;font-size:13px;color:var(--muted);
white-space:pre-wrap}
.w-bold{font-weight:700}.w-italic{font-style:italic}.strike{text-decoration:line-through}
.rich p{margin:6px 0}.md-h1{font-size:20px;font-weight:700}.md-h2{font-size:17px;font-weight:600}
.rich a,.t-body a{color:var(--accent)}.md-img{max-width:100%}
.md-table{border-collapse:collapse;width:100%}.md-table td,.md-table th{
border:1px solid var(--line);padding:4px 6px;text-align:left}
.field .box{position:relative;border:1px solid var(--line);border-radius:8px;
background:var(--field)}
.field .box:focus-within{border-color:var(--accent);border-width:2px}
.field input,.field textarea,.field select{display:block;width:100%;border:0;background:none;
color:var(--text);font:inherit;padding:16px 12px 8px;outline:0;appearance:none;border-radius:8px}
.field textarea{resize:none;padding-bottom:22px}
.field .float{position:absolute;left:12px;top:13px;color:var(--muted);pointer-events:none;
background:var(--field);padding:0 4px;margin-left:-4px}
.field input:focus+.float,.field input:not(:placeholder-shown)+.float,.field textarea:focus+.float,
.field textarea:not(:placeholder-shown)+.float,.field select:not([data-empty])~.float,
.field select:focus~.float,.field .count+.float{top:-9px;font-size:12px}
.range>.field+.field{margin-top:16px}
.field input[type=date][data-empty]:not(:focus)::-webkit-datetime-edit{color:transparent}
.field .count{position:absolute;right:12px;bottom:4px;font-size:12px;color:var(--muted)}
.chevron{position:absolute;right:14px;top:20px;border:solid var(--muted);border-width:0 2px 2px 0;
padding:3px;transform:rotate(45deg);pointer-events:none}
.helper{margin:4px 12px 0;font-size:12px;color:var(--muted)}
.error{margin:4px 12px 0;font-size:12px;color:var(--error)}
.invalid .box{border-color:var(--error)}
fieldset{border:0;margin:0;padding:0;min-width:0}
.group-label{font-size:16px;font-weight:600;margin:0 0 4px;padding:0}
.group-desc{margin:0 0 8px;font-size:13px;color:var(--muted)}
.opt{display:flex;align-items:center;gap:12px;padding:12px 0;border-bottom:1px solid var(--line)}
.opt:last-child{border-bottom:0}.opt-text{flex:1;display:flex;flex-direction:column}
.opt-description,.opt-metadata{font-size:13px;color:var(--muted)}
.opt-img{width:40px;height:40px;border-radius:6px;object-fit:cover}
.opt input,.optin input{width:20px;height:20px;accent-color:var(--accent);margin:0}
.chip-row{display:flex;flex-wrap:wrap;gap:8px}
.chip input{position:absolute;opacity:0}.chip span{display:inline-block;padding:6px 14px;
border:1px solid var(--line);border-radius:16px}
.chip input:checked+span{background:var(--chip);border-color:var(--accent)}
.optin{display:flex;flex-direction:column;gap:2px}.optin label{display:flex;gap:12px;
align-items:flex-start}
.link{background:none;border:0;padding:0;color:var(--accent);font:inherit;cursor:pointer}
.optin .link{margin-left:32px;align-self:flex-start}
.image,.slide{display:block;max-width:100%;margin:0 auto;border-radius:8px}
.image{width:100%}.img-missing{display:flex;align-items:center;justify-content:center;min-height:80px;
background:var(--off);color:var(--muted);font-size:13px}
.carousel .slides{display:flex;overflow-x:auto;gap:8px;scroll-snap-type:x mandatory}
.carousel .slide{flex:0 0 100%;width:100%;scroll-snap-align:center}
.dots{display:flex;justify-content:center;gap:6px;margin:8px 0 0}.dot{width:6px;height:6px;
border-radius:50%;background:var(--line)}.dot:first-child{background:var(--accent)}
.upload{display:flex;align-items:center;gap:10px;width:100%;padding:14px;border:1px dashed
var(--line);border-radius:8px;background:none;color:var(--accent);font:inherit;cursor:pointer}
.files{margin:6px 0 0;padding-left:18px;font-size:13px;color:var(--muted)}
.navlist .nav-items{display:flex;flex-direction:column}
.nav-item{display:flex;align-items:center;gap:12px;width:100%;padding:12px 0;border:0;
border-bottom:1px solid var(--line);background:none;color:var(--text);font:inherit;text-align:left;
cursor:pointer}
.nav-main{flex:1;display:flex;flex-direction:column;gap:2px}.nav-lines,.nav-end-lines{display:flex;
flex-direction:column}.nav-end-lines{text-align:right;font-size:13px}
.nav-description,.nav-metadata,.nav-end-description,.nav-end-metadata{font-size:13px;
color:var(--muted)}.nav-title{font-weight:600}
.nav-img{width:40px;height:40px;border-radius:6px;object-fit:cover}.nav-img.large{width:64px;height:64px}
.badge{align-self:flex-start;font-size:11px;padding:1px 8px;border-radius:10px;
background:var(--chip);color:var(--accent)}
.tag{font-size:11px;padding:1px 6px;border:1px solid var(--line);border-radius:4px;margin-right:4px}
.chevron-r{border:solid var(--muted);border-width:0 2px 2px 0;padding:3px;transform:rotate(-45deg)}
.footer{flex:none;padding:8px 16px 10px;border-top:1px solid var(--line)}
.captions{display:flex;justify-content:space-between;font-size:13px;color:var(--muted);
margin-bottom:6px}.cap-center{flex:1;text-align:center}
.cta{display:block;width:100%;padding:12px;border:0;border-radius:24px;background:var(--cta);
color:var(--cta-text);font:inherit;font-weight:600;cursor:pointer}
.cta:disabled{background:var(--off);color:var(--off-text);cursor:default}
.managed{margin:8px 0 0;text-align:center;font-size:12px;color:var(--muted)}
.managed span{color:var(--accent)}
.unknown{padding:8px;border:1px dashed var(--error);color:var(--error);font-size:13px}
.mark{outline:3px solid var(--add);outline-offset:3px;border-radius:4px}
.mark-del{outline-color:var(--del)}.title.mark{outline-offset:1px}
.caption{font-size:13px;color:var(--muted);margin:0 0 6px}.shot{margin:0}
"""
