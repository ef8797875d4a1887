// Ranking lists: <ol data-rangordna> with one <li data-objekt> per need, each holding a
// number field (class "platsfalt") that the server reads. Without JavaScript the numbers are
// the whole interface. With it, a need can also be dragged by its handle (native HTML5 drag
// and drop) or moved with the "Flytta upp"/"Flytta ned" buttons (keyboard), and typing a
// number moves the need there. Every way ends in the same place: the list is renumbered
// 1..n and the move is announced to screen readers. No inline script (CSP).
(function () {
  "use strict";

  function rader(lista) {
    return Array.prototype.filter.call(lista.children, function (el) {
      return el.matches("li[data-objekt]");
    });
  }

  function numrera(lista) {
    rader(lista).forEach(function (li, i) {
      var falt = li.querySelector(".platsfalt");
      if (falt) falt.value = String(i + 1);
      li.dataset.plats = String(i + 1);
    });
  }

  function meddela(lista, text) {
    var ruta = document.getElementById(lista.dataset.status);
    if (!ruta) return;
    // Clear first so the same sentence twice is read twice.
    ruta.textContent = "";
    window.setTimeout(function () { ruta.textContent = text; }, 30);
  }

  function markeraOsparad(lista) {
    var form = lista.closest("form");
    var ruta = form && form.querySelector("[data-osparad]");
    if (ruta) ruta.hidden = false;
  }

  function efterFlytt(lista, li) {
    numrera(lista);
    markeraOsparad(lista);
    var antal = rader(lista).length;
    meddela(lista, li.dataset.rubrik + ": plats " + li.dataset.plats + " av " + antal + ".");
    li.classList.add("rangrad-flyttad");
    window.setTimeout(function () { li.classList.remove("rangrad-flyttad"); }, 700);
  }

  function flyttaTill(lista, li, plats) {
    var alla = rader(lista);
    plats = Math.max(1, Math.min(alla.length, plats));
    var utan = alla.filter(function (r) { return r !== li; });
    var fore = utan[plats - 1] || null;
    lista.insertBefore(li, fore);
  }

  function knapp(lista, e) {
    var b = e.target.closest("[data-flytta]");
    if (!b || !lista.contains(b)) return;
    e.preventDefault();
    var li = b.closest("li[data-objekt]");
    var alla = rader(lista);
    var nu = alla.indexOf(li);
    var upp = b.dataset.flytta === "upp";
    if ((upp && nu === 0) || (!upp && nu === alla.length - 1)) {
      meddela(lista, li.dataset.rubrik + " är redan " + (upp ? "först." : "sist."));
      return;
    }
    flyttaTill(lista, li, nu + 1 + (upp ? -1 : 1));
    efterFlytt(lista, li);
    b.focus(); // moving the node loses focus in some browsers; keep it on the same button
  }

  function platsAndrad(lista, falt) {
    var li = falt.closest("li[data-objekt]");
    var onskad = parseInt(falt.value, 10);
    if (isNaN(onskad)) { numrera(lista); return; }
    flyttaTill(lista, li, onskad);
    efterFlytt(lista, li);
    falt.focus();
  }

  function dragOchSlapp(lista) {
    var dragen = null;
    lista.addEventListener("pointerdown", function (e) {
      var handtag = e.target.closest(".rang-handtag");
      if (!handtag) return;
      // Only the handle starts a drag, so text in the row's fields can still be selected.
      handtag.closest("li[data-objekt]").draggable = true;
    });
    lista.addEventListener("dragstart", function (e) {
      var li = e.target.closest && e.target.closest("li[data-objekt]");
      if (!li || !li.draggable) { e.preventDefault(); return; }
      dragen = li;
      li.classList.add("rangrad-dras");
      e.dataTransfer.effectAllowed = "move";
      e.dataTransfer.setData("text/plain", li.dataset.objekt);
    });
    lista.addEventListener("dragover", function (e) {
      if (!dragen) return;
      e.preventDefault();
      e.dataTransfer.dropEffect = "move";
      var mal = e.target.closest && e.target.closest("li[data-objekt]");
      if (!mal || mal === dragen || mal.parentNode !== lista) return;
      var ruta = mal.getBoundingClientRect();
      var efter = e.clientY > ruta.top + ruta.height / 2;
      lista.insertBefore(dragen, efter ? mal.nextSibling : mal);
    });
    lista.addEventListener("drop", function (e) {
      if (dragen) e.preventDefault();
    });
    lista.addEventListener("dragend", function () {
      if (!dragen) return;
      var li = dragen;
      dragen = null;
      li.classList.remove("rangrad-dras");
      li.draggable = false;
      efterFlytt(lista, li);
    });
  }

  function starta(lista) {
    if (lista.dataset.startad) return;
    lista.dataset.startad = "1";
    lista.classList.add("rangordning-js");
    lista.querySelectorAll(".rang-knappar, .rang-handtag").forEach(function (el) { el.hidden = false; });
    lista.addEventListener("click", function (e) { knapp(lista, e); });
    lista.addEventListener("change", function (e) {
      if (e.target.classList.contains("platsfalt")) platsAndrad(lista, e.target);
    });
    lista.addEventListener("keydown", function (e) {
      // Enter in a position field moves the need instead of sending the form.
      if (e.key === "Enter" && e.target.classList.contains("platsfalt")) {
        e.preventDefault();
        platsAndrad(lista, e.target);
      }
    });
    dragOchSlapp(lista);
    numrera(lista);
  }

  function startaAlla(rot) {
    (rot || document).querySelectorAll("[data-rangordna]").forEach(starta);
  }

  document.addEventListener("DOMContentLoaded", function () { startaAlla(); });
  document.addEventListener("htmx:afterSettle", function (e) { startaAlla(e.target); });
})();
