package desk

import (
	"encoding/csv"
	"io"
	"strconv"

	"github.com/retecomuni/eli2sdk/internal/csvsafe"
)

// bom makes spreadsheet software read the CSV files as UTF-8.
const bom = "\ufeff"

// writeCSV writes header and rows as UTF-8 with BOM, separator ';', CRLF
// line ends, every cell neutralised against formulas (internal/csvsafe).
func writeCSV(w io.Writer, header []string, rows [][]string) error {
	if _, err := io.WriteString(w, bom); err != nil {
		return err
	}
	cw := csv.NewWriter(w)
	cw.Comma = ';'
	cw.UseCRLF = true
	if err := cw.Write(header); err != nil {
		return err
	}
	for _, r := range rows {
		if err := cw.Write(csvsafe.Record(r)); err != nil {
			return err
		}
	}
	cw.Flush()
	return cw.Error()
}

// ReminderCSVHeader is the header of the mail-merge file.
var ReminderCSVHeader = []string{"ID_ANAGRAFE", "COGNOME", "NOME", "PRESSO", "INDIRIZZO", "CAP", "COMUNE", "PROVINCIA", "SCADENZA_PERMESSO", "GIORNI_RESIDUI"}

// WriteReminderCSV writes the mail-merge file of rs: the address block,
// the expiry and the days left, nothing else of the register.
func WriteReminderCSV(w io.Writer, rs []Reminder) error {
	rows := make([][]string, len(rs))
	for i, r := range rs {
		a := r.To
		rows[i] = []string{a.PersonID, a.Surname, a.Name, a.CareOf, a.Street, a.CAP, a.Comune, a.Province, dmy(r.Expiry), strconv.Itoa(r.DaysLeft)}
	}
	return writeCSV(w, ReminderCSVHeader, rows)
}

// Art11CSVHeader is the header of the art. 11 tracking file; ESITO is left
// empty for the office.
var Art11CSVHeader = []string{"ID_ANAGRAFE", "COGNOME", "NOME", "SCADENZA_PERMESSO", "DATA_AVVISO", "TERMINE", "ESITO"}

// WriteArt11CSV writes the tracking file of ns: notice date, deadline
// (notice + 30 days) and an empty outcome column.
func WriteArt11CSV(w io.Writer, ns []Art11Notice) error {
	rows := make([][]string, len(ns))
	for i, n := range ns {
		rows[i] = []string{n.To.PersonID, n.To.Surname, n.To.Name, dmy(n.Expiry), dmy(n.NoticeDate), dmy(n.Deadline), ""}
	}
	return writeCSV(w, Art11CSVHeader, rows)
}
