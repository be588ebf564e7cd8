"""Zelfredzaamheid (ZRM, A.1) en heropende dossiers (A.2.1), Bijlage IV: kort en lang per
cluster, and the split by instroomprofiel (a dimension of every A.1 indicator)."""

import familie

b, keuze, rijen, inst = familie.begin("Zelfredzaamheid (ZRM)", ("A.",))
familie.toon(b, keuze, rijen, sleutel="zrm")
lbl = familie.periodelabel(b, keuze)
a1 = rijen[rijen["indicator"].str.startswith("A.1.")]
if not a1.empty:
    import streamlit as st

    st.subheader(f"Kort en lang per cluster, {lbl}")
    familie.toon_varianten(
        a1, keuze, lbl, f"Verbeterd per ZRM-cluster, kort en lang, {lbl}",
        "Percentage cliënten met een hogere clusterscore dan op de nulmeting: kort = eerste "
        "tussenmeting, lang = laatste eindmeting.",
        "zrm",
    )  # fmt: skip
    st.subheader(f"Naar instroomprofiel, {lbl}")
    for dimensie in ("instroomprofiel_verslaving", "instroomprofiel_justitie"):
        familie.toon_profiel(a1, keuze, lbl, dimensie, f"zrm_{dimensie}")
familie.einde(b, keuze)
