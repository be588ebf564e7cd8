-- GZ.5 Ervaren veiligheid (indicatoren.md §4): per region and period one row per
-- tevredenheid row of a Gezinsopvang person (int_hf_gz_tevredenheid) with meetdatum in P.
-- beantwoord: ervaren_veiligheid is answered (unanswered rows are left out of the
-- indicator); veilig: ervaren_veiligheid `ja`.
select
    *,
    ervaren_veiligheid is not null as beantwoord,
    ervaren_veiligheid as veilig
from (
    {{ per_periode(ref('int_hf_gz_tevredenheid'),
        "r.doelgroep = 'Gezinsopvang' and r.meetdatum between p.periode_start and p.periode_eind") }}
)
