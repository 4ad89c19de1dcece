package importer

// Limits of what Read accepts. Within them, reading any file — whatever its shape — keeps the
// whole process under 512 MB (TestBombs measures it); past any of them, Read refuses the file
// with a message that names the file and the limit and says what to do.
const (
	// MaxFileBytes is the largest file Read accepts: 20 MB.
	MaxFileBytes = 20 << 20
	// MaxRows is the largest number of data rows Read accepts (blank rows are not counted).
	MaxRows = 100_000
	// MaxColumns is the largest number of columns Read accepts: row 1 may name at most 1,000.
	// Cells to the right of the last column are ignored, as they always were.
	MaxColumns = 1_000
	// MaxCells is the largest table Read returns, rows times columns: 5,000,000 cells, e.g.
	// 100,000 rows of 50 columns.
	MaxCells = 5_000_000
	// MaxCellChars is the longest cell Read accepts, in characters: 32,767, Excel's own limit.
	MaxCellChars = 32_767
	// MaxTextBytes is the most text Read keeps: 50 MB of cells in all, and at most as much
	// text in a workbook's shared strings.
	MaxTextBytes = 50 << 20
	// MaxSharedStrings is the most different texts (Excel's "shared strings") a workbook may
	// hold: 5,000,000.
	MaxSharedStrings = 5_000_000
	// MaxUnpackedBytes is how much of a workbook Read unpacks: the parts it reads (the
	// workbook, its styles and shared strings, the sheets up to the one with data) may unpack
	// to at most 256 MB together.
	MaxUnpackedBytes = 256 << 20
	// MaxSheets is the most sheets a workbook may have: 1,000.
	MaxSheets = 1_000
	// MaxCellFormats is the most cell formats a workbook's styles may define: 65,536 (Excel
	// itself allows 64,000), and at most 1,000 custom number formats.
	MaxCellFormats = 65_536
)

// Limits on the structure of a workbook's XML; no file Excel writes comes near them.
const (
	// maxZipEntries is the most parts a workbook's zip may have.
	maxZipEntries = 10_000
	// maxNumFmts is the most custom number formats a workbook may define (Excel allows
	// about 250).
	maxNumFmts = 1_000
	// maxFormatCode is the longest number format code, in bytes (Excel allows 255
	// characters).
	maxFormatCode = 1_024
	// maxXMLDepth is how deep XML elements may nest (a cell's text is 7 deep).
	maxXMLDepth = 100
	// maxTagBytes bounds one XML tag: its name and all its attributes.
	maxTagBytes = 1 << 20
	// maxNameBytes bounds what Read keeps of the workbook's structure: a sheet's name, a
	// relationship's id, type and target (Excel's names have at most 31 characters).
	maxNameBytes = 1 << 10
	// maxCellBytes bounds a cell's text while it is read, in bytes: MaxCellChars characters
	// of at most 4 bytes each.
	maxCellBytes = 4 * MaxCellChars
)

// Limits of the delimiter detection.
const (
	// sniffBytes is how much of a text file the delimiter detection looks at.
	sniffBytes = 64 << 10
	// sniffRecords is how many records the delimiter detection looks at.
	sniffRecords = 50
)
