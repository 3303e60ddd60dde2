/** The public pages' whole stylesheet: no JavaScript, no external fonts, readable from 360 px up. */
export const publicCss = `
*,*::before,*::after{box-sizing:border-box}
html{-webkit-text-size-adjust:100%}
body{margin:0;font-family:system-ui,-apple-system,"Segoe UI",Roboto,"Noto Sans",sans-serif;line-height:1.6;color:#1c2430;background:#f5f7f4}
a{color:#0b5d3b}
a:focus-visible{outline:3px solid #f0b429;outline-offset:2px}
img{max-width:100%;height:auto;display:block}
.site-header{background:#0b5d3b;color:#fff}
.site-header .wrap{display:flex;flex-wrap:wrap;align-items:baseline;justify-content:space-between;gap:.25rem 1rem;padding:.9rem 1rem}
.site-header a{color:#fff;text-decoration:none}
.site-title{font-size:1.15rem;font-weight:700;margin:0}
.site-nav{font-size:.9rem;display:flex;gap:.75rem;flex-wrap:wrap}
.wrap{max-width:72rem;margin:0 auto;padding:0 1rem}
main.wrap{padding-top:1.25rem;padding-bottom:2rem}
h1{font-size:1.6rem;line-height:1.25;margin:.25rem 0 1rem;overflow-wrap:anywhere}
.cards{list-style:none;margin:0;padding:0;display:grid;gap:1rem;grid-template-columns:repeat(auto-fill,minmax(min(100%,17rem),1fr))}
.card{background:#fff;border-radius:.6rem;overflow:hidden;box-shadow:0 1px 3px rgba(0,0,0,.12);display:flex;flex-direction:column}
.card img{width:100%;aspect-ratio:4/3;object-fit:cover;background:#dfe5dc}
.card-body{padding:.75rem .9rem 1rem;display:flex;flex-direction:column;gap:.35rem}
.card h2{font-size:1.05rem;line-height:1.3;margin:0;overflow-wrap:anywhere}
.card h2 a{text-decoration:none;color:#1c2430}
.card h2 a:hover{text-decoration:underline}
.card p{margin:0;overflow-wrap:anywhere}
.meta{font-size:.85rem;color:#56606b}
.pager{display:flex;justify-content:space-between;align-items:center;gap:1rem;margin-top:1.5rem}
.pager a,.pager span{padding:.45rem .8rem;border-radius:.4rem}
.pager a{background:#0b5d3b;color:#fff;text-decoration:none}
.empty{background:#fff;padding:1.5rem;border-radius:.6rem}
article.news{background:#fff;border-radius:.6rem;padding:1rem 1rem 1.5rem;box-shadow:0 1px 3px rgba(0,0,0,.12)}
.facts{display:grid;grid-template-columns:auto 1fr;gap:.15rem .75rem;margin:0 0 1rem;font-size:.92rem}
.facts dt{font-weight:600;color:#3a4450}
.facts dd{margin:0;overflow-wrap:anywhere}
.caption{font-style:italic;border-left:4px solid #f0b429;padding:.25rem .75rem;margin:0 0 1rem;overflow-wrap:anywhere}
.narrative{overflow-wrap:anywhere}
.social{margin:1rem 0 0;font-size:.95rem}
.gallery{list-style:none;padding:0;margin:1.25rem 0 0;display:grid;gap:.75rem;grid-template-columns:repeat(auto-fill,minmax(min(100%,15rem),1fr))}
.gallery figure{margin:0}
.gallery img{width:100%;aspect-ratio:4/3;object-fit:cover;border-radius:.4rem;background:#dfe5dc}
.gallery figcaption{font-size:.85rem;color:#56606b;margin-top:.25rem;overflow-wrap:anywhere}
.back{display:inline-block;margin-bottom:.75rem}
.site-footer{font-size:.85rem;color:#56606b;padding:1rem 0 2rem}
.site-footer .wrap{display:flex;flex-wrap:wrap;gap:.5rem 1rem}
@media (max-width:30rem){h1{font-size:1.3rem}.facts{grid-template-columns:1fr}.facts dt{margin-top:.35rem}}
`
