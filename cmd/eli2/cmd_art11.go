package main

import (
	"context"
	"io"

	"github.com/retecomuni/eli2sdk/anagrafe"
	"github.com/retecomuni/eli2sdk/anagrafe/desk"
	"github.com/retecomuni/eli2sdk/codes"
)

func init() {
	register("art11", "avvisi di avvio del procedimento art. 11 DPR 223/1989 (permesso scaduto da oltre sei mesi) e CSV di controllo", runArt11)
}

const art11Usage = `uso:
  eli2 art11 --db URL --out CARTELLA --operatore ID [--riferimento AAAA-MM-GG] [--firmatario "…"] [opzioni]

Scrive nella CARTELLA un avviso HTML stampabile (A4) per ogni residente il
cui permesso di soggiorno è scaduto da più di sei mesi alla data --riferimento
(predefinita oggi), escluse le ricevute e i rinnovi in corso (DPR 223/1989
art. 11 c.1 lett. c), con l'invito a provvedere entro 30 giorni, e art11.csv
per seguire il procedimento (data dell'avviso, termine = avviso + 30 giorni,
colonna ESITO vuota per l'ufficio). Audit, scrittura atomica e permessi come
eli2 promemoria.

opzioni:
`

func runArt11(args []string, stdout, stderr io.Writer) int {
	var a deskArgs
	opts := desk.Art11Options{OnRecordError: deskUnreadable(stderr, "art11")}
	prepare := func(on codes.Date) string { opts.On = on; return "" }
	write := func(ctx context.Context, src anagrafe.Source, wo desk.WriteOptions) (desk.Written, error) {
		ns, err := desk.Art11Notices(ctx, src, opts)
		if err != nil {
			return desk.Written{}, err
		}
		return desk.WriteArt11(ctx, a.out, ns, wo)
	}
	return a.run("art11", art11Usage, args, stderr, nil, prepare, write)
}
