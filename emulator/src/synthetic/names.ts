// Name material per country. Surnames deliberately include phonetic variant families
// (Meier/Maier/Mayer/Meyer/Mayr, Schmidt/Schmitt/Schmid, Müller/Mueller/Muller, ...) so that
// forgiving search has something to prove itself on.

import type { CountryCode } from './countries.ts';

export interface NamePool {
  given: readonly string[];
  surnames: readonly string[];
}

const GERMAN_SURNAMES = [
  'Meier', 'Maier', 'Mayer', 'Meyer', 'Mayr', 'Maier', 'Meyer',
  'Schmidt', 'Schmitt', 'Schmid', 'Schmied', 'Schmidt',
  'Müller', 'Mueller', 'Müller', 'Miller',
  'Hoffmann', 'Hofmann', 'Hoffman',
  'Fischer', 'Fischer', 'Bartel', 'Bartels', 'Barthel',
  'Schneider', 'Schnyder', 'Weber', 'Wagner', 'Becker', 'Bäcker', 'Schulz', 'Schultz', 'Schulze',
  'Koch', 'Krüger', 'Krueger', 'Lehmann', 'Lemann', 'Neumann', 'Schäfer', 'Schaefer', 'Schäffer',
  'Zimmermann', 'Braun', 'Wolf', 'Richter', 'Klein', 'Schröder', 'Schroeder', 'Schröter',
  'Huber', 'Hueber', 'Bauer', 'Baur', 'Wimmer', 'Gruber', 'Keller', 'Köhler', 'Kohler',
  'Vogel', 'Vogl', 'Fuchs', 'Lang', 'Lange', 'Weiß', 'Weiss', 'Jäger', 'Jaeger', 'Philipp', 'Phillip',
];

const GERMAN_GIVEN = [
  'Anna', 'Andreas', 'Christoph', 'Christof', 'Christian', 'Claudia', 'Daniel', 'Eva', 'Frank', 'Franziska',
  'Jürgen', 'Juergen', 'Jörg', 'Joerg', 'Julia', 'Katharina', 'Katarina', 'Klaus', 'Claus', 'Lukas', 'Lucas',
  'Markus', 'Marcus', 'Maximilian', 'Michael', 'Monika', 'Petra', 'Ralf', 'Ralph', 'Sabine', 'Sebastian',
  'Sophie', 'Sofie', 'Stefan', 'Stephan', 'Thomas', 'Tobias', 'Ursula', 'Uwe', 'Wolfgang', 'Günther', 'Gunther',
];

const POOLS: Record<CountryCode, NamePool> = {
  DE: { given: GERMAN_GIVEN, surnames: GERMAN_SURNAMES },
  AT: {
    given: [...GERMAN_GIVEN, 'Florian', 'Johann', 'Leopold', 'Theresa', 'Magdalena', 'Valentin'],
    surnames: [...GERMAN_SURNAMES, 'Gruber', 'Huber', 'Pichler', 'Moser', 'Steiner', 'Hofer', 'Eder', 'Mayrhofer', 'Maierhofer'],
  },
  CH: {
    given: ['Urs', 'Beat', 'Reto', 'Ueli', 'Corinne', 'Nicole', 'Daniela', 'Luca', 'Laura', 'Jean-Marc', 'Stefan', 'Stephan', 'Mathias', 'Matthias'],
    surnames: ['Meier', 'Meyer', 'Müller', 'Mueller', 'Schmid', 'Schmidt', 'Keller', 'Weber', 'Huber', 'Brunner', 'Baumann', 'Frei', 'Frey', 'Zimmermann', 'Moser', 'Graf', 'Widmer', 'Schnyder', 'Bartels'],
  },
  GB: {
    given: ['Oliver', 'Harry', 'George', 'Emily', 'Charlotte', 'Amelia', 'James', 'William', 'Sophie', 'Catherine', 'Katherine', 'Kathryn', 'Steven', 'Stephen', 'Philip', 'Phillip'],
    surnames: ['Smith', 'Smyth', 'Jones', 'Taylor', 'Brown', 'Browne', 'Fisher', 'Fischer', 'Miller', 'Millar', 'Thompson', 'Thomson', 'Clark', 'Clarke', 'Evans', 'Walker', 'Wright', 'Hughes', 'Reid', 'Reed', 'Read', 'Meyer', 'Myers'],
  },
  US: {
    given: ['Michael', 'Jennifer', 'David', 'Sarah', 'John', 'Jon', 'Jessica', 'Robert', 'Ashley', 'Brian', 'Bryan', 'Steven', 'Stephen', 'Katherine', 'Catherine', 'Mike', 'Chris'],
    surnames: ['Johnson', 'Johnston', 'Williams', 'Garcia', 'Miller', 'Muller', 'Mueller', 'Davis', 'Rodriguez', 'Martinez', 'Fisher', 'Fischer', 'Snyder', 'Schneider', 'Meyer', 'Myers', 'Hoffman', 'Hofmann', 'Schmidt', 'Smith', 'Anderson', 'Andersen', 'Peterson', 'Petersen'],
  },
  FR: {
    given: ['Jean', 'Marie', 'Pierre', 'Sophie', 'Camille', 'Louis', 'Chloé', 'Élodie', 'François', 'Françoise', 'Hélène', 'Stéphane', 'Thérèse', 'Céline'],
    surnames: ['Martin', 'Bernard', 'Dubois', 'Thomas', 'Robert', 'Richard', 'Petit', 'Durand', 'Leroy', 'Moreau', 'Lefèvre', 'Lefebvre', 'Lefeuvre', 'Muller', 'Müller', 'Meyer', 'Mayer', 'Fournier', 'Girard'],
  },
  IT: {
    given: ['Giuseppe', 'Giovanni', 'Maria', 'Francesca', 'Alessandro', 'Chiara', 'Luca', 'Marco', 'Giulia', 'Paolo', 'Niccolò', 'Nicolò'],
    surnames: ['Rossi', 'Russo', 'Ferrari', 'Esposito', 'Bianchi', 'Romano', 'Colombo', 'Ricci', 'Marino', 'Greco', 'De Luca', 'Di Lucca', 'Mayer', 'Maier', 'Conti', 'Gallo'],
  },
  NL: {
    given: ['Jan', 'Johan', 'Sanne', 'Lotte', 'Daan', 'Bram', 'Femke', 'Pieter', 'Peter', 'Anouk', 'Sven', 'Joost'],
    surnames: ['de Jong', 'Jansen', 'Janssen', 'de Vries', 'van den Berg', 'van der Berg', 'Bakker', 'Visser', 'Smit', 'Smits', 'Meijer', 'Meyer', 'Mulder', 'de Boer', 'Bartels', 'van Dijk', 'van Dyk'],
  },
  TR: {
    given: ['Mehmet', 'Mustafa', 'Ahmet', 'Ayşe', 'Fatma', 'Emine', 'Elif', 'Can', 'Cem', 'Özlem', 'Gül', 'Murat', 'Şule'],
    surnames: ['Yılmaz', 'Yilmaz', 'Kaya', 'Demir', 'Şahin', 'Sahin', 'Çelik', 'Celik', 'Yıldız', 'Yildiz', 'Öztürk', 'Ozturk', 'Aydın', 'Aydin', 'Doğan', 'Dogan'],
  },
  PL: {
    given: ['Piotr', 'Krzysztof', 'Anna', 'Katarzyna', 'Małgorzata', 'Tomasz', 'Paweł', 'Agnieszka', 'Michał', 'Łukasz', 'Lukasz'],
    surnames: ['Nowak', 'Kowalski', 'Kowalska', 'Wiśniewski', 'Wisniewski', 'Wójcik', 'Wojcik', 'Kowalczyk', 'Kamiński', 'Lewandowski', 'Zieliński', 'Szymański', 'Schmidt', 'Müller', 'Majer', 'Meier'],
  },
};

export function namePool(country: CountryCode): NamePool {
  return POOLS[country];
}

export const COMPANY_WORDS: Record<CountryCode, { stems: readonly string[]; forms: readonly string[] }> = {
  DE: { stems: ['Maschinenbau', 'Logistik', 'Elektrotechnik', 'Software', 'Bauunternehmung', 'Medizintechnik', 'Immobilien', 'Handels'], forms: ['GmbH', 'AG', 'GmbH & Co. KG', 'KG', 'SE'] },
  AT: { stems: ['Alpen Consulting', 'Holzbau', 'Transporte', 'Installationen', 'Versicherungsmakler', 'Donau Logistik'], forms: ['GmbH', 'AG', 'KG', 'OG'] },
  CH: { stems: ['Treuhand', 'Präzisionsmechanik', 'Privatbank', 'Uhren', 'Informatik', 'Pharma'], forms: ['AG', 'GmbH', 'SA', 'Sàrl'] },
  GB: { stems: ['Freight', 'Analytics', 'Partners', 'Engineering', 'Solicitors', 'Estates'], forms: ['Ltd', 'Ltd.', 'plc', 'LLP'] },
  US: { stems: ['Analytics', 'Capital', 'Health', 'Logistics', 'Software', 'Manufacturing'], forms: ['Inc.', 'LLC', 'Corp.', 'Inc'] },
  FR: { stems: ['Conseil', 'Transports', 'Industries', 'Informatique', 'Bâtiment', 'Assurances'], forms: ['SARL', 'SA', 'SAS'] },
  IT: { stems: ['Costruzioni', 'Trasporti', 'Meccanica', 'Consulenze', 'Alimentari'], forms: ['S.r.l.', 'S.p.A.', 'Srl'] },
  NL: { stems: ['Logistiek', 'Techniek', 'Bouw', 'Adviesgroep', 'Installatietechniek'], forms: ['B.V.', 'BV', 'N.V.'] },
  TR: { stems: ['İnşaat', 'Tekstil', 'Lojistik', 'Yazılım', 'Gıda'], forms: ['A.Ş.', 'Ltd. Şti.'] },
  PL: { stems: ['Budownictwo', 'Transport', 'Informatyka', 'Handel', 'Serwis'], forms: ['Sp. z o.o.', 'S.A.'] },
};

export const JOB_TITLES: readonly string[] = [
  'Sales Manager', 'Account Manager', 'Key Account Manager', 'Einkäufer', 'Einkaufsleiter', 'Geschäftsführer',
  'CEO', 'CFO', 'Head of IT', 'IT-Administrator', 'Projektleiter', 'Project Manager', 'Buchhalterin',
  'Accountant', 'Assistant', 'Assistentin der Geschäftsleitung', 'Support Engineer', 'Consultant',
  'Senior Consultant', 'Vertriebsmitarbeiter', 'Office Manager', 'Technician', 'Ingénieur commercial',
  'Responsabile acquisti', 'Inkoper', 'Satış Müdürü', 'Kierownik projektu',
];

export const DEPARTMENTS: readonly string[] = [
  'Sales', 'Vertrieb', 'Einkauf', 'Purchasing', 'IT', 'Finance', 'Buchhaltung', 'Marketing', 'Support',
  'Geschäftsleitung', 'Management', 'Logistik', 'Operations', 'HR', 'Personal', 'Engineering',
];

export const OFFICE_LOCATIONS: readonly string[] = [
  'HQ', 'Building 2', '3. OG', 'Floor 4', 'Room 101', 'Zentrale', 'Werk 1', 'Niederlassung Süd',
];

/** Folds a name into an e-mail-safe ASCII local part the way mail admins usually do. */
export function asciiFold(s: string): string {
  const map: Record<string, string> = {
    ä: 'ae', ö: 'oe', ü: 'ue', ß: 'ss', Ä: 'Ae', Ö: 'Oe', Ü: 'Ue', é: 'e', è: 'e', ê: 'e', É: 'E', à: 'a', â: 'a',
    ç: 'c', ô: 'o', î: 'i', ï: 'i', ù: 'u', û: 'u', ò: 'o', ì: 'i', ş: 's', Ş: 'S', ğ: 'g', ı: 'i', İ: 'I', Ç: 'C',
    ł: 'l', Ł: 'L', ś: 's', Ś: 'S', ń: 'n', ó: 'o', ą: 'a', ę: 'e', ż: 'z', ź: 'z', ć: 'c', '’': '',
  };
  return s.replace(/[^\x20-\x7e]/g, (ch) => map[ch] ?? '');
}

export function slug(s: string): string {
  return asciiFold(s)
    .toLowerCase()
    .replace(/&/g, 'und')
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
}
