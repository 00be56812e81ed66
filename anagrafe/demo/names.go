package demo

// origin is a pool of synthetic names of one linguistic origin, written in
// the Latin spelling a passport prints (accents and all), and the ISO 3166
// alpha-3 codes of the states its people hold citizenship of and are born
// in. The names are common given names and surnames, combined at random:
// they describe no real person.
type origin struct {
	surnames []string
	male     []string
	female   []string
	// citizenship lists ISO3 codes of non-EU states (they need a permit);
	// the state codes themselves come from the code tables.
	citizenship []string
	weight      int
	towns       []string
}

var origins = []origin{
	{ // Maghreb
		surnames:    []string{"El Amrani", "Benali", "Ouahbi", "Bennani", "Tazi", "El Idrissi", "Ait Lahcen", "Ben Youssef", "Chraibi"},
		male:        []string{"Youssef", "Mohamed", "Hicham", "Said", "Rachid", "Anas"},
		female:      []string{"Fatima", "Khadija", "Salma", "Nadia", "Imane", "Zineb"},
		citizenship: []string{"MAR", "TUN"},
		weight:      14,
		towns:       []string{"Casablanca", "Rabat", "Fès", "Sfax", "Tunis"},
	},
	{ // Albania, Kosovo
		surnames:    []string{"Hoxha", "Shehu", "Çela", "Krasniqi", "Gjoka", "Dervishi", "Lleshi"},
		male:        []string{"Arben", "Ermal", "Ëndrit", "Besnik", "Gëzim"},
		female:      []string{"Elona", "Mirela", "Blerta", "Ardita", "Jonida"},
		citizenship: []string{"ALB"},
		weight:      10,
		towns:       []string{"Tiranë", "Durrës", "Shkodër", "Vlorë"},
	},
	{ // China
		surnames:    []string{"Wang", "Li", "Zhang", "Chen", "Liu", "Hu", "Zhou", "Xu"},
		male:        []string{"Wei", "Jian", "Hao", "Zhiwei", "Jun"},
		female:      []string{"Xiaoling", "Mei", "Yan", "Li Na", "Xiu Ying"},
		citizenship: []string{"CHN"},
		weight:      8,
		towns:       []string{"Wenzhou", "Qingtian", "Fuqing", "Shanghai"},
	},
	{ // Ukraine, Moldova (Latin passport spelling)
		surnames:    []string{"Shevchenko", "Kovalenko", "Bondarenko", "Ciobanu", "Țurcanu", "Rusu", "Melnyk"},
		male:        []string{"Oleksandr", "Andriy", "Ion", "Vasile", "Dmytro"},
		female:      []string{"Olena", "Natalia", "Iryna", "Mariana", "Oksana"},
		citizenship: []string{"UKR", "MDA"},
		weight:      9,
		towns:       []string{"Kyiv", "Lviv", "Chișinău", "Bălți", "Odesa"},
	},
	{ // Philippines, Sri Lanka
		surnames:    []string{"Santos", "Reyes", "Dela Cruz", "Garcia", "Perera", "Fernando", "De Silva"},
		male:        []string{"Jose", "Mark Anthony", "Ramon", "Nuwan", "Chaminda"},
		female:      []string{"Maria Cristina", "Joy", "Rowena", "Dilani", "Nirosha"},
		citizenship: []string{"PHL", "LKA"},
		weight:      8,
		towns:       []string{"Manila", "Quezon City", "Colombo", "Negombo"},
	},
	{ // India, Pakistan, Bangladesh
		surnames:    []string{"Singh", "Kaur", "Patel", "Sharma", "Hossain", "Rahman", "Khan", "D'Souza", "Iqbal"},
		male:        []string{"Gurpreet", "Rahul", "Mohammed", "Rafiq", "Imran", "Harjit"},
		female:      []string{"Priya", "Nasrin", "Ayesha", "Manpreet", "Sultana"},
		citizenship: []string{"IND", "PAK", "BGD"},
		weight:      10,
		towns:       []string{"Ludhiana", "Lahore", "Dhaka", "Sylhet", "Goa"},
	},
	{ // Egypt
		surnames:    []string{"Abdel-Rahman", "Hassan", "Mahmoud", "El-Sayed", "Mostafa"},
		male:        []string{"Ahmed", "Omar", "Karim", "Mahmoud"},
		female:      []string{"Mona", "Aya", "Yasmin", "Nour"},
		citizenship: []string{"EGY"},
		weight:      5,
		towns:       []string{"Il Cairo", "Alessandria", "Giza"},
	},
	{ // West Africa
		surnames:    []string{"Diop", "Ndiaye", "Fall", "Sow", "Ọkọnkwọ", "Adébáyọ̀", "Eze", "Okafor", "Mensah", "Owusu"},
		male:        []string{"Mamadou", "Cheikh", "Chukwuemeka", "Olúwaseun", "Kwame", "Ibrahima"},
		female:      []string{"Aminata", "Fatou", "Ngozi", "Adaeze", "Akosua", "Mariama"},
		citizenship: []string{"SEN", "NGA", "GHA"},
		weight:      9,
		towns:       []string{"Dakar", "Touba", "Lagos", "Enugu", "Kumasi", "Accra"},
	},
	{ // Vietnam
		surnames:    []string{"Nguyễn", "Trần", "Lê", "Phạm", "Hoàng", "Võ"},
		male:        []string{"Văn Đức", "Minh Tuấn", "Quốc Bảo", "Hữu Phước"},
		female:      []string{"Thị Hương", "Ngọc Anh", "Thu Trang", "Thị Lan"},
		citizenship: []string{"VNM"},
		weight:      3,
		towns:       []string{"Hà Nội", "Hải Phòng", "Đà Nẵng"},
	},
	{ // Turkey
		surnames:    []string{"Çelik", "Yılmaz", "Şahin", "Öztürk", "Kaya", "Doğan"},
		male:        []string{"Ahmet", "Uğur", "Mehmet", "Barış", "Çağlar"},
		female:      []string{"Ayşe", "Gülşen", "Elif", "Özlem", "Şeyma"},
		citizenship: []string{"TUR"},
		weight:      4,
		towns:       []string{"İstanbul", "İzmir", "Ankara", "Gaziantep"},
	},
	{ // Latin America, names of German, Polish, Nordic and Portuguese heritage included
		surnames:    []string{"Gonçalves", "Araújo", "Quispe", "Mamani", "Müller", "Schäfer", "Weiß", "Łukaszewski", "Wiśniewski", "Østergaard", "Åberg", "Peña"},
		male:        []string{"João", "Łukasz", "Jürgen", "Søren", "José María", "Sebastián"},
		female:      []string{"Conceição", "María José", "Anna-Lena", "Małgorzata", "Åse", "Käthe"},
		citizenship: []string{"BRA", "PER", "ECU", "ARG"},
		weight:      8,
		towns:       []string{"São Paulo", "Blumenau", "Lima", "Cusco", "Guayaquil", "Córdoba"},
	},
	{ // Former Yugoslavia (born in Croatia or Serbia, citizens of Bosnia or Serbia)
		surnames:    []string{"Horvat", "Kovačević", "Babić", "Jovanović", "Hadžić", "Petrović"},
		male:        []string{"Ivan", "Željko", "Dragan", "Emir", "Miloš"},
		female:      []string{"Ana", "Snježana", "Jasmina", "Dragana", "Mirjana"},
		citizenship: []string{"BIH", "SRB"},
		weight:      5,
		towns:       []string{"Zagreb", "Split", "Sarajevo", "Beograd", "Tuzla"},
	},
	{ // English-speaking world, names with apostrophes
		surnames:    []string{"O'Brien", "O'Connor", "McCarthy", "Smith-Jones", "D'Arcy"},
		male:        []string{"Patrick", "Liam", "Seán", "John Paul"},
		female:      []string{"Siobhán", "Mary Kate", "Aoife", "Sarah-Jane"},
		citizenship: []string{"USA", "CAN", "AUS", "GBR"},
		weight:      3,
		towns:       []string{"Boston", "Toronto", "Sydney", "Dublin"},
	},
}

// italian is the pool of Italian citizens' names (no permit).
var italian = origin{
	surnames: []string{"Rossi", "Esposito", "D'Angelo", "Dell'Acqua", "Lo Russo", "De Luca", "Bianchi", "Romano", "Sant'Elia", "Niccolai"},
	male:     []string{"Nicolò", "Luca", "Andrea", "Giosuè", "Marco", "Lorenzo"},
	female:   []string{"Giulia", "Ilaria", "Chiara", "Noemi", "Francesca", "Beatrice"},
}

// streets are street names of the demo comune's domiciles.
var streets = []struct{ specie, name string }{
	{"VIA", "dei Servi"}, {"VIA", "Pisana"}, {"VIALE", "dei Mille"}, {"PIAZZA", "Santo Spirito"},
	{"VIA", "Gioberti"}, {"BORGO", "Pinti"}, {"VIA", "Baracca"}, {"VIA", "dell'Agnolo"},
	{"LUNGARNO", "del Tempio"}, {"VIA", "Senese"}, {"CORSO", "dei Tintori"}, {"VIA", "Palazzuolo"},
}
