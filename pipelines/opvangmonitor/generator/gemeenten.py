"""The gemeenten the synthetic world uses: CBS code -> gemeentenaam (CBS gemeentelijke
indeling 2024, checked against the CBS list when this module was written). The
generator writes codes or names depending on the delivery's style."""

from __future__ import annotations

NAMEN = {
    # Rijnstreek and surroundings
    "GM0484": "Alphen aan den Rijn",
    "GM1884": "Kaag en Braassem",
    "GM0569": "Nieuwkoop",
    "GM0546": "Leiden",
    "GM0513": "Gouda",
    "GM1901": "Bodegraven-Reeuwijk",
    "GM0638": "Zoeterwoude",
    "GM0518": "'s-Gravenhage",
    "GM0599": "Rotterdam",
    "GM0363": "Amsterdam",
    "GM0344": "Utrecht",
    # Valleiregio and surroundings
    "GM0228": "Ede",
    "GM0289": "Wageningen",
    "GM0203": "Barneveld",
    "GM0339": "Renswoude",
    "GM0340": "Rhenen",
    "GM0279": "Scherpenzeel",
    "GM0345": "Veenendaal",
    "GM0202": "Arnhem",
    "GM0267": "Nijkerk",
    # Regio Amersfoort and surroundings
    "GM0307": "Amersfoort",
    "GM0308": "Baarn",
    "GM0313": "Bunschoten",
    "GM0327": "Leusden",
    "GM0342": "Soest",
    "GM0351": "Woudenberg",
    "GM0317": "Eemnes",
    "GM0402": "Hilversum",
}
