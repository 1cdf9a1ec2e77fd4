// Runs before the page is first painted (a classic script in <head>): says whether the page
// was opened from a link, so that the text shown while Python loads speaks to that person
// (style.css, #intro). It only looks at whether there is a fragment: the page's Python reads
// the link, checks it and takes its secret out of the address bar.
if (location.hash.length > 1) document.documentElement.dataset.opened = "link";
