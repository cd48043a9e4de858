/** Name traditions the demo shop draws from; a city lists the ones common there. */
export type NameCulture =
  | 'anglo'
  | 'hispanic'
  | 'lusophone'
  | 'french'
  | 'german'
  | 'italian'
  | 'dutch'
  | 'nordic'
  | 'polish'
  | 'japanese'
  | 'korean'
  | 'chinese'
  | 'indian'
  | 'arabic'
  | 'yoruba'
  | 'swahili'
  | 'zulu';

export interface NamePool {
  female: readonly string[];
  male: readonly string[];
  last: readonly string[];
}

/**
 * Common given and family names per tradition, spelled as people write them in Latin script
 * (diacritics included, so the demo exercises UTF-8 all the way to the outbox).
 */
// prettier-ignore
export const NAME_POOLS: Readonly<Record<NameCulture, NamePool>> = {
  anglo: {
    female: ['Olivia', 'Emma', 'Charlotte', 'Amelia', 'Sophie', 'Grace', 'Chloe', 'Hannah', 'Zoë', 'Megan', 'Aoife', 'Isla'],
    male: ['James', 'Oliver', 'Jack', 'William', 'Noah', 'Thomas', 'Liam', 'Ethan', 'Samuel', 'Connor', 'Harry', 'Lucas'],
    last: ['Smith', 'Johnson', 'Brown', 'Taylor', 'Wilson', 'Walker', 'Murphy', "O'Brien", 'Thompson', 'Clarke', 'Robinson', 'Campbell', 'Kelly', 'Harris'],
  },
  hispanic: {
    female: ['María', 'Lucía', 'Sofía', 'Valentina', 'Camila', 'Isabel', 'Carmen', 'Daniela', 'Paula', 'Ximena'],
    male: ['José', 'Juan', 'Mateo', 'Santiago', 'Diego', 'Alejandro', 'Javier', 'Carlos', 'Andrés', 'Pablo'],
    last: ['García', 'Martínez', 'Rodríguez', 'López', 'Hernández', 'González', 'Pérez', 'Sánchez', 'Ramírez', 'Torres', 'Flores', 'Núñez'],
  },
  lusophone: {
    female: ['Ana', 'Beatriz', 'Mariana', 'Larissa', 'Juliana', 'Inês', 'Gabriela', 'Letícia', 'Fernanda', 'Joana'],
    male: ['João', 'Pedro', 'Lucas', 'Gabriel', 'Rafael', 'Tiago', 'Gonçalo', 'Felipe', 'Bruno', 'Thiago'],
    last: ['Silva', 'Santos', 'Oliveira', 'Souza', 'Pereira', 'Costa', 'Ferreira', 'Almeida', 'Carvalho', 'Conceição', 'Gonçalves'],
  },
  french: {
    female: ['Camille', 'Léa', 'Manon', 'Chloé', 'Inès', 'Élodie', 'Juliette', 'Margaux', 'Amélie', 'Louise'],
    male: ['Louis', 'Hugo', 'Jules', 'Théo', 'Antoine', 'Nicolas', 'Étienne', 'Maxime', 'Gabriel', 'Raphaël'],
    last: ['Martin', 'Bernard', 'Dubois', 'Thomas', 'Robert', 'Petit', 'Durand', 'Leroy', 'Moreau', 'Lefèvre', 'Girard', 'Tremblay'],
  },
  german: {
    female: ['Anna', 'Lena', 'Leonie', 'Marie', 'Sophie', 'Johanna', 'Katharina', 'Jana', 'Lea', 'Franziska'],
    male: ['Lukas', 'Leon', 'Jonas', 'Felix', 'Maximilian', 'Paul', 'Tobias', 'Jürgen', 'Stefan', 'Matthias'],
    last: ['Müller', 'Schmidt', 'Schneider', 'Fischer', 'Weber', 'Meyer', 'Wagner', 'Becker', 'Hoffmann', 'Schäfer', 'Koch', 'Weiß'],
  },
  italian: {
    female: ['Giulia', 'Chiara', 'Francesca', 'Sara', 'Martina', 'Alessia', 'Elena', 'Federica'],
    male: ['Marco', 'Luca', 'Alessandro', 'Matteo', 'Lorenzo', 'Davide', 'Francesco', 'Niccolò'],
    last: ['Rossi', 'Russo', 'Ferrari', 'Esposito', 'Bianchi', 'Romano', 'Colombo', 'Ricci', 'Marino', 'Greco'],
  },
  dutch: {
    female: ['Emma', 'Julia', 'Sanne', 'Fleur', 'Lotte', 'Anouk', 'Femke', 'Noor'],
    male: ['Daan', 'Sem', 'Bram', 'Lars', 'Thijs', 'Ruben', 'Jeroen', 'Stijn'],
    last: ['de Jong', 'Jansen', 'de Vries', 'van den Berg', 'van Dijk', 'Bakker', 'Visser', 'Smit', 'Meijer', 'de Boer'],
  },
  nordic: {
    female: ['Ingrid', 'Astrid', 'Freja', 'Saga', 'Sigrid', 'Aino', 'Maja', 'Linnéa', 'Guðrún', 'Helmi'],
    male: ['Erik', 'Lars', 'Magnus', 'Oskar', 'Søren', 'Mikko', 'Nils', 'Henrik', 'Jón', 'Aleksi'],
    last: ['Johansson', 'Andersson', 'Hansen', 'Nielsen', 'Larsen', 'Virtanen', 'Korhonen', 'Lindqvist', 'Berg', 'Jónsson', 'Sørensen'],
  },
  polish: {
    female: ['Zuzanna', 'Julia', 'Maja', 'Aleksandra', 'Natalia', 'Małgorzata', 'Agnieszka', 'Katarzyna'],
    male: ['Jakub', 'Kacper', 'Szymon', 'Łukasz', 'Piotr', 'Tomasz', 'Wojciech', 'Michał'],
    last: ['Nowak', 'Kowalski', 'Wiśniewski', 'Wójcik', 'Kamiński', 'Lewandowski', 'Zieliński', 'Szymański'],
  },
  japanese: {
    female: ['Yui', 'Sakura', 'Hana', 'Aoi', 'Yuna', 'Mei', 'Haruka', 'Rin'],
    male: ['Haruto', 'Ren', 'Sota', 'Yuto', 'Takumi', 'Kenji', 'Hiroshi', 'Daiki'],
    last: ['Sato', 'Suzuki', 'Takahashi', 'Tanaka', 'Watanabe', 'Ito', 'Yamamoto', 'Nakamura', 'Kobayashi', 'Kato'],
  },
  korean: {
    female: ['Ji-woo', 'Seo-yeon', 'Min-ji', 'Ha-eun', 'Soo-ah', 'Ye-jin'],
    male: ['Min-jun', 'Seo-jun', 'Ji-ho', 'Do-yun', 'Hyun-woo', 'Jae-won'],
    last: ['Kim', 'Lee', 'Park', 'Choi', 'Jung', 'Kang', 'Cho', 'Yoon'],
  },
  chinese: {
    female: ['Mei Ling', 'Xiu Ying', 'Hui Min', 'Jia Hui', 'Wen Jing', 'Yan'],
    male: ['Wei', 'Jun Jie', 'Hao', 'Zhi Wei', 'Ming', 'Jian'],
    last: ['Wang', 'Li', 'Zhang', 'Chen', 'Liu', 'Tan', 'Lim', 'Ng', 'Wong', 'Huang'],
  },
  indian: {
    female: ['Priya', 'Ananya', 'Diya', 'Aisha', 'Kavya', 'Saanvi', 'Meera', 'Lakshmi'],
    male: ['Aarav', 'Vihaan', 'Arjun', 'Rohan', 'Rahul', 'Karthik', 'Aditya', 'Sanjay'],
    last: ['Sharma', 'Patel', 'Singh', 'Kumar', 'Iyer', 'Reddy', 'Nair', 'Gupta', 'Menon', 'Das'],
  },
  arabic: {
    female: ['Fatima', 'Aisha', 'Layla', 'Mariam', 'Noor', 'Yasmin', 'Salma', 'Hana'],
    male: ['Mohammed', 'Omar', 'Youssef', 'Ahmed', 'Karim', 'Hassan', 'Tariq', 'Ali'],
    last: ['Haddad', 'Mansour', 'El Amrani', 'Khalil', 'Hassan', 'Nasser', 'Saleh', 'Aziz', 'Farouk'],
  },
  yoruba: {
    female: ['Adaeze', 'Chiamaka', 'Funmilayo', 'Ngozi', 'Temitope', 'Folake', 'Yetunde'],
    male: ['Chinedu', 'Oluwaseun', 'Emeka', 'Tunde', 'Babajide', 'Ikenna', 'Ayodele'],
    last: ['Adeyemi', 'Okafor', 'Okonkwo', 'Balogun', 'Eze', 'Adebayo', 'Nwosu', 'Ogunleye'],
  },
  swahili: {
    female: ['Wanjiru', 'Akinyi', 'Amani', 'Neema', 'Zawadi', 'Njeri', 'Imani'],
    male: ['Kamau', 'Otieno', 'Baraka', 'Juma', 'Mwangi', 'Kipchoge', 'Omondi'],
    last: ['Mwangi', 'Otieno', 'Kariuki', 'Wanjiku', 'Kiptoo', 'Njoroge', 'Ochieng', 'Mutua'],
  },
  zulu: {
    female: ['Thandiwe', 'Nomvula', 'Lerato', 'Zanele', 'Ayanda', 'Nandi', 'Anri'],
    male: ['Sipho', 'Thabo', 'Bongani', 'Mandla', 'Lwazi', 'Pieter', 'Johan'],
    last: ['Dlamini', 'Nkosi', 'Ndlovu', 'Khumalo', 'Mokoena', 'van der Merwe', 'Botha', 'Mahlangu'],
  },
};
