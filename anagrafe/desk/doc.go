// Package desk is the help-desk (sportello immigrati) side of the SDK: what
// an applicant pays for a kit (Fees), the documents to bring per request
// type (Checklist), reminder letters for residents whose permit expires soon
// (Reminders) and the notices that open the DPR 223/1989 art. 11 procedure
// for permits expired more than six months ago (Art11Notices), with the
// mail-merge and tracking CSV files that go with them.
//
// Every amount, exemption and document comes from a table with its source:
// the fee tables of package codes (shared/data/kit/importi*.csv, DM
// MEF-Interno 6 October 2011 as amended by DM 5 May 2017) and the checklist
// CSV embedded here, which a comune can replace. Where the tables are
// silent the result says so ("importo non determinato") rather than guess:
// the DM names no contributo for permits longer than two years.
//
// Letters and CSV files are written all at once, mode 0600
// (internal/atomicfile), and every person written is first recorded through
// an anagrafe.AuditHook with operator and purpose.
package desk
