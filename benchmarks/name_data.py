"""Raw name pools for the benchmark generator, most common first within each list.

Notation (parsed by :mod:`benchmarks.names`): entries are separated by white space;
``_`` stands for a space inside an entry ("de_Souza"); ``a/b/c`` are Latin spelling
variants of the same name, the first the most common ("Mohammed/Mohamed"); ``latin|original``
gives the spelling in the original script; ``male~female`` gives gendered forms
("Kowalski~Kowalska"). Cyrillic pools hold only the Cyrillic form: the Latin spellings are
derived by the transliteration schemes used in passports and German registers.

The names are common, real names; every person generated from them is an invented
combination.
"""

from __future__ import annotations

GERMAN_FAMILY = """
Müller Schmidt Schneider Fischer Weber Meyer Wagner Becker Huber Schulz Hoffmann Bauer
Maier Mayer Schäfer Koch Richter Klein Wolf Schröder Neumann Schwarz Zimmermann Braun
Krüger Hofmann Hartmann Lange Schmitt Werner Schmitz Krause Meier Lehmann Schmid Schulze
Köhler Herrmann König Walter Kaiser Fuchs Peters Lang Scholz Möller Weiß Jung Hahn
Schubert Vogel Friedrich Keller Günther Frank Berger Winkler Roth Beck Lorenz Baumann
Franke Albrecht Schuster Simon Ludwig Böhm Winter Kraus Martin Schumacher Krämer Vogt
Stein Jäger Otto Sommer Groß Seidel Heinrich Brandt Haas Schreiber Graf Schulte Dietrich
Ziegler Kuhn Kühn Pohl Engel Horn Busch Bergmann Thomas Voigt Sauer Arnold Wolff Pfeiffer
Gruber Hofer Brunner Moser Eder Lechner Reiter Obermeier Niedermeier Stadler Kastner
Wimmer Zeller Egger Aigner Schwaiger Pichler Leitner Forster Steiner Holzer Mayr Kramer
Lindner Bichler Wurm Strobl Rieger Hauser Seitz Ott Bader Dorn Fink Geiger Strauß Voß
Preuß Heß Rößler Kießling Großmann Nußbaum Weißmann Süß Fröhlich Gärtner Jäckel Müllner
Bäumler Götz Höfler Löffler Märkl Nöth Pöschl Rückert Schönberger Wöhrl Würth Meißner
Grünwald Kellner Ertl Hiebl Fischbacher Fürst Glas Haberl Kirchner Lutz Mader Nagl
Pfaffinger Rauch Schwab Thaler Unterholzner Wagenhuber Ziegltrum Hadersdorfer Sedlmeier
Kreitmair Heigl Asam Westermair Gschwendtner Hörmann Kögl Lindmair Mösl Oberndorfer
Pranger Riedl Schäffler Stöckl Tremmel Wallner Zörner Bachmaier Dellinger Fottner
Gailer Hechenberger Irl Jocher Kerscher Loibl Mittermaier Neuhauser Ostermaier Plank
Reindl Scharl Sturm Trinkl Utz Vilsmeier Widmann Zech Frey Bruckmoser Engelhardt
Haslbeck Kirmair Langwieser Meilinger Oswald Pongratz Ramsauer Sailer Vogl Weindl
von_Bergen von_Stetten von_der_Heide Meyer-Lindenberg Schulze-Wessel
"""

GERMAN_FEMALE = """
Anna Maria Sophie Marie Emma Mia Hannah Lena Laura Lea Julia Sarah Katharina Lisa
Johanna Clara Elisabeth Sabine Petra Monika Ursula Andrea Claudia Susanne Stefanie
Nicole Christina Franziska Theresa Magdalena Veronika Barbara Brigitte Renate Gabriele
Karin Heike Birgit Jutta Martina Anja Kerstin Sandra Melanie Jessica Jennifer Vanessa
Jana Nina Carina Jasmin Luisa Greta Frieda Ida Emilia Charlotte Amelie Paula Leonie Lina
Helga Ingrid Gisela Hildegard Irmgard Rosemarie Christa Erika Margarete Gertrud
Annemarie Kathrin Simone Tanja Manuela Daniela Silke Ramona Corinna Bettina Doris Elke
Eva Michelle Selina Marlene Antonia Josefine Mathilda Luise Rosa Ella Lotta Käthe Hanna
Sofia Anne Annika Britta Dörte Gesine Mareike Merle Svenja Zoë Theres Walburga Kreszenz
"""

GERMAN_MALE = """
Maximilian Alexander Paul Leon Lukas Felix Jonas Tobias Florian Sebastian Michael
Thomas Andreas Stefan Christian Markus Martin Peter Wolfgang Klaus Jürgen Günter Dieter
Hans Josef Johann Georg Franz Ludwig Anton Jakob Matthias Daniel Benedikt Korbinian
Quirin Xaver Simon Johannes Philipp David Moritz Niklas Jan Tim Elias Noah Ben Finn Luca
Jörg Uwe Bernd Rüdiger Björn Sören Manfred Helmut Gerhard Werner Horst Rainer Karl Heinz
Walter Kurt Frank Ralf Holger Sven Jens Dirk Torsten Oliver Marco Dennis Kevin Patrick
René Fabian Dominik Julian Valentin Vinzenz Leonhard Alois Kilian Lorenz Emil Theo
Konstantin Hannes Jannik Lennart Malte Till Ole Mats Jörn Günther Bernhard Reinhard
Gottfried Ulrich Volker Norbert Siegfried Wendelin Ignaz Severin Raphael
"""

TURKISH_FAMILY = """
Yılmaz Kaya Demir Şahin Çelik Yıldız Yıldırım Öztürk Aydın Özdemir Arslan Doğan Kılıç
Aslan Çetin Kara Koç Kurt Özkan Şimşek Polat Özer Korkmaz Erdoğan Yavuz Can Acar Şen
Aktaş Güler Yalçın Güneş Bozkurt Bulut Keskin Ünal Turan Gül Özgür İnce Tekin Kaplan
Avcı Sarı Taş Uçar Aksoy Köse Durmaz Bayram Tunç Erdem Akın Işık Duman Özbek Karataş
Ateş Altun Eren Çakır Sönmez Tuncer Gündoğdu Uysal Tanrıverdi Bilgin Cengiz Coşkun
Karaca Özcan Kahraman Yurt Başaran Topal Ekinci Akgül Bozdağ Çiftçi Demirci Demirel
Dinç Ergün Gök Günay Kalkan Karakaya Kartal Kaymak Kırmızı Kocaman Konak Mutlu Oral
Orhan Özmen Parlak Sağlam Selçuk Soylu Sevim Tatlı Toprak Tosun Türkmen Uğur Ulusoy
Yaman Yazıcı Yiğit Yücel Zengin Akbulut Akyüz Alkan Ayhan Aytekin Bal Baş Budak Cömert
Çınar Dağ Deniz Ekin Eroğlu Esen Genç Gürbüz Hacıoğlu Kayaoğlu Keleş Kılınç Koçak
Metin Okur Önal Özkaya Şeker Temiz Tiryaki Ulu Yazar Yüksel Bozan Tekinalp Karadağ
"""

TURKISH_FEMALE = """
Ayşe Fatma Emine Hatice Zeynep Elif Meryem Şerife Zehra Sultan Hanife Merve Esra Özlem
Yasemin Hülya Derya Büşra Kübra Ebru Gülsüm Leyla Songül Aysel Dilek Sevgi Nur Selin
Ecem İrem Melek Gamze Tuğba Aylin Sibel Filiz Cansu Ceren Damla Defne Eylül Nisa Azra
Asya Zümra Nehir Yağmur Hira Rabia Sema Şeyma Beyza Canan Nurcan Gülay Sevda Nermin
Hacer Arzu Gönül Hande Pınar Gülten Necla Nesrin Sevim Şükran Tülay Ümran
"""

TURKISH_MALE = """
Mehmet Mustafa Ahmet Ali Hüseyin Hasan İbrahim İsmail Osman Yusuf Murat Ömer Ramazan
Halil Süleyman Abdullah Mahmut Recep Salih Fatih Kadir Emre Hakan Burak Serkan Onur
Oğuz Kemal Kerem Can Cem Deniz Barış Tolga Volkan Emin Orhan Erkan Erdal Erol Sinan
Tuncay Uğur Yasin Enes Eren Furkan Berat Efe Arda Emir Kaan Mert Yiğit Alp Baran Umut
Selim Serdar Tarık Okan Levent Mesut Metin Cengiz Cihan Gökhan Harun Kenan Taner Şükrü
"""

ARABIC_FAMILY = """
Al-Hassan|الحسن Al-Ahmad|الأحمد Al-Ali|العلي Al-Mohammad|المحمد Al-Hussein|الحسين
Hassan/Hasan|حسن Ahmad/Ahmed|أحمد Ali|علي Mohammad/Mohammed/Mohamed|محمد
Hussein/Hussain/Husein|حسين Ibrahim|إبراهيم Mahmoud/Mahmud|محمود Khalil|خليل
Al-Khalil|الخليل Al-Abdullah|العبدالله Al-Omar|العمر Al-Ibrahim|الإبراهيم
Al-Saleh|الصالح Al-Khatib|الخطيب Al-Masri|المصري Al-Halabi|الحلبي Al-Shami|الشامي
Al-Hamoud|الحمود Al-Hamad|الحمد Al-Kurdi|الكردي Al-Aswad|الأسود Al-Jasem|الجاسم
Al-Issa|العيسى Al-Mustafa|المصطفى Al-Khalaf|الخلف Al-Rashid|الرشيد Al-Obaidi|العبيدي
Al-Jubouri|الجبوري Al-Dulaimi|الدليمي Al-Tamimi|التميمي Al-Zubaidi|الزبيدي
Al-Shammari|الشمري Al-Saadi|السعدي Al-Rubaie|الربيعي Al-Hashimi|الهاشمي
Saleh/Salih|صالح Younes/Yunus|يونس Othman/Osman|عثمان Darwish|درويش
Khoury/Khouri|خوري Nasser|ناصر Issa/Eissa|عيسى Mansour/Mansur|منصور
Suleiman/Sulaiman|سليمان Yousef/Youssef/Yusuf|يوسف Qasim/Kassem|قاسم Jaber/Jabir|جابر
Awad|عوض Taha|طه Ramadan|رمضان Barakat|بركات Hijazi|حجازي Mustafa/Moustafa|مصطفى
Rashid/Rachid|رشيد Murad/Mourad|مراد Ismail/Ismael|إسماعيل Khalaf|خلف Haddad|حداد
Hamdan|حمدان Abdo/Abdou|عبده Sabbagh|صباغ Zaher|زاهر Hamoud|حمود Jasem/Jassim|جاسم
Abbas|عباس Karim/Kareem|كريم Hamid/Hameed|حميد Saeed/Said|سعيد Shaker|شاكر Naji|ناجي
Fares|فارس Habib|حبيب Jamil/Jameel|جميل Nassar|نصار Hamada|حمادة Sayed/Sayyed|سيد
Sheikh/Shaikh|شيخ Salem/Salim|سالم Haj_Ali|حاج_علي Abu_Zaid|أبو_زيد Abu_Bakr|أبو_بكر
Abu_Khalil|أبو_خليل Ben_Ali|بن_علي El_Amrani|العمراني El_Idrissi|الإدريسي
Bouzid|بوزيد Benali|بنعلي Sheikho|شيخو Hamo|حمو Haso|حسو Kanaan|كنعان Nasrallah|نصرالله
Zakaria|زكريا Masri|مصري Shahin|شاهين Khatib|خطيب Halabi|حلبي Omari|العمري
Sheikhmous Temo Hemo Osso Mamo Bakir Hamo Kalo Sino Bilal Hajo
"""

ARABIC_MALE = """
Mohammed/Mohamed/Muhammad/Mohammad|محمد Ahmad/Ahmed|أحمد Ali|علي Omar/Umar|عمر
Khaled/Khalid|خالد Mahmoud/Mahmud|محمود Yousef/Youssef/Yusuf|يوسف Ibrahim|إبراهيم
Hassan/Hasan|حسن Hussein/Hussain|حسين Abdullah/Abdallah|عبدالله
Abdulrahman/Abdelrahman|عبدالرحمن Mustafa/Moustafa|مصطفى Karim/Kareem|كريم Sami|سامي
Said/Saeed|سعيد Fadi|فادي Tarek/Tariq|طارق Walid|وليد Maher|ماهر Basel/Basil|باسل
Rami|رامي Imad|عماد Ziad/Ziyad|زياد Jamal|جمال Nabil|نبيل Hani|هاني Anas|أنس Bilal|بلال
Hamza|حمزة Ammar|عمار Yasser/Yasir|ياسر Adel|عادل Munir|منير Mazen|مازن Firas|فراس
Wael|وائل Samer|سامر Majd|مجد Mohannad|مهند Osama/Usama|أسامة Qusai|قصي Louay|لؤي
Haitham|هيثم Jihad|جهاد Radwan|رضوان Aziz|عزيز Rashid|رشيد Salah|صلاح Suleiman|سليمان
Issa|عيسى Kinan|كنان Obada|عبادة Amjad|أمجد Hadi|هادي Ayham|أيهم Zakaria|زكريا
Mahmood|محمود Nizar|نزار Raed|رائد Shadi|شادي Tamer|تامر Yahya|يحيى Zaid|زيد
"""

ARABIC_FEMALE = """
Fatima/Fatema|فاطمة Maryam/Mariam|مريم Aisha/Aischa|عائشة Zainab/Zeinab|زينب
Nour/Noor|نور Sara/Sarah|سارة Heba|هبة Rana|رنا Reem/Rim|ريم Lina|لينا Doaa/Duaa|دعاء
Aya|آية Amal|أمل Huda/Hoda|هدى Salma|سلمى Yasmin/Yasmine|ياسمين Rahaf|رهف Shahd|شهد
Jana|جنى Lama|لمى Layla/Leila|ليلى Nadia|نادية Samira|سميرة Khadija|خديجة
Amina/Amena|آمنة Raghad|رغد Batoul|بتول Israa/Esraa|إسراء Walaa|ولاء Hanan|حنان
Rasha|رشا Ghada|غادة Dima|ديما Rima|ريما Asmaa|أسماء Bushra|بشرى Maya|مايا
Tasnim|تسنيم Joud|جود Malak|ملاك Hala|هالة Nisreen/Nesrin|نسرين Suha|سهى Wafa|وفاء
Rawan|روان Alaa|آلاء Manal|منال Hind|هند Iman|إيمان Sawsan|سوسن Ruqaya|رقية
"""

PERSIAN_FAMILY = """
Ahmadi|احمدی Mohammadi|محمدی Hosseini/Hussaini/Husseini|حسینی Rahimi|رحیمی
Karimi|کریمی Rezaei/Rezai/Rezaie|رضایی Haidari/Heydari/Haydari|حیدری Jafari|جعفری
Noori/Nuri|نوری Sediqi/Siddiqi/Sadiqi|صدیقی Azizi|عزیزی Amiri|امیری
Qaderi/Ghaderi|قادری Yousefi/Yusufi|یوسفی Hashemi/Hashimi|هاشمی Nazari|نظری
Rasuli/Rasouli|رسولی Akbari|اکبری Soltani/Sultani|سلطانی Mousavi/Musawi|موسوی
Salehi|صالحی Kazemi/Kazimi|کاظمی Alizadeh|علیزاده Sharifi|شریفی Habibi|حبیبی
Samadi|صمدی Wahidi/Vahidi|وحیدی Naseri/Nasiri|ناصری Faizi|فیضی Sadat|سادات
Hamidi|حمیدی Ebrahimi/Ibrahimi|ابراهیمی Mirzaei/Mirzai|میرزایی
Ghorbani/Qurbani|قربانی Bahrami|بهرامی Asadi|اسدی Zamani|زمانی Safari|صفری
Ansari|انصاری Najafi|نجفی Tavakoli|توکلی Ahmadzai|احمدزی Stanikzai|ستانکزی
Noorzai|نورزی Popal|پوپل Durrani|درانی Safi|صافی Wardak|وردک Mohmand|مومند
Barakzai|بارکزی Hotak|هوتک Niazi|نیازی Shinwari|شینواری Yousufzai|یوسفزی
Jalali|جلالی Hakimi|حکیمی Osmani|عثمانی Rahmani|رحمانی Hamdard|همدرد Nawabi|نوابی
Sahak Karimzada Rasekh Paiman Saberi Noori-Zada Omari Atayee Mujadidi Sadozai Zazai
"""

PERSIAN_MALE = """
Mohammad/Muhammad|محمد Ali|علی Reza|رضا Hossein/Hussain/Hussein|حسین
Mehdi/Mahdi|مهدی Ahmad|احمد Amir|امیر Hamid|حمید Farid|فرید Javad/Jawad|جواد
Masoud/Masood|مسعود Navid/Naweed|نوید Saeed/Said|سعید Omid|امید Farhad|فرهاد
Jamshid|جمشید Khalil|خلیل Basir|بصیر Nasir/Naser|ناصر Wahid/Vahid|وحید Habib|حبیب
Mustafa/Mostafa|مصطفی Murtaza/Morteza|مرتضی Sajjad|سجاد Abbas|عباس Hassan|حسن
Hamed|حامد Milad|میلاد Arash|آرش Babak|بابک Behnam|بهنام Dariush|داریوش Kamran|کامران
Hamidullah|حمیدالله Zabihullah|ذبیحالله Naqibullah|نقیبالله Hekmatullah|حکمتالله
Rahmatullah|رحمتالله Sayed/Sayyed|سید Ismail|اسماعیل Yasin|یاسین Idris|ادریس
Shafiq|شفیق Rahim|رحیم Karim|کریم Najib|نجیب Zaher|ظاهر Matin|متین Sohrab|سهراب
Rostam|رستم Parviz|پرویز Shahram|شهرام Mansour|منصور Shoaib|شعیب Elyas/Ilyas|الیاس
"""

PERSIAN_FEMALE = """
Fatemeh/Fatima/Fatema|فاطمه Zahra|زهرا Maryam|مریم Zeinab/Zainab|زینب Sara|سارا
Narges|نرگس Shabnam|شبنم Marzieh/Marzia|مرضیه Masoumeh/Masuma|معصومه
Leila/Laila|لیلا Parwin/Parvin|پروین Farzaneh/Farzana|فرزانه Shukria|شکریه
Malalai|ملالی Nazanin|نازنین Samira|سمیرا Setareh|ستاره Mahnaz|مهناز
Fereshteh/Freshta|فرشته Roya|رویا Nilofar/Niloofar|نیلوفر Hamida|حمیده Sakina|سکینه
Soraya|ثریا Mina|مینا Shirin|شیرین Mahsa|مهسا Negin|نگین Parisa|پریسا Tahmina|تهمینه
Zarghona|زرغونه Fariba|فریبا Gulnaz|گلناز Khadija|خدیجه Habiba|حبیبه Mursal|مرسل
Sima|سیما Azita|آزیتا Yalda|یلدا Hasiba|حسیبه Madina|مدینه Nahid|ناهید Tamana|تمنا
Sadaf|صدف Ramzia Zarifa Lailuma Gulalai
"""

UKRAINIAN_FAMILY = """
Мельник Шевченко Коваленко Бондаренко Бойко Ткаченко Кравченко Ковальчук Коваль Олійник
Шевчук Поліщук Бондар Ткачук Марченко Руденко Савченко Лисенко Мороз Петренко Клименко
Павленко Кравчук Кузьменко Приходько Іваненко Левченко Харченко Гончаренко Мазур
Карпенко Васильченко Литвиненко Головко Мирошниченко Романенко Сидоренко Демченко
Панченко Гаврилюк Пономаренко Данилюк Яковенко Давиденко Костенко Онищенко Захарченко
Симоненко Тимошенко Козак Заїка Гнатюк Стасюк Вакуленко Кириленко Мартинюк Пилипенко
Юрченко Гуменюк Білик Зінченко Семенко Білоус Костюк Дмитренко Бабенко Федоренко
Сергієнко Фесенко Максименко Тарасенко Остапенко Кучер Мельничук Лук'яненко Коломієць
Осадчий~Осадча Кравець Гребенюк Лозинський~Лозинська Ковальський~Ковальська Гриценко
Степаненко Ярошенко Назаренко Мацюк Сорока Ющенко Гордієнко Тесленко Щербак Шаповал
Ничипорук Семенюк Андрієнко Гуцул Дорошенко Чорновіл Кушнір Грищенко Зозуля Щербина
"""

UKRAINIAN_FEMALE = """
Олена Наталія Тетяна Ірина Оксана Світлана Юлія Анна Марія Людмила Галина Ольга
Катерина Вікторія Анастасія Дарія Софія Валентина Надія Лариса Інна Алла Ганна Яна
Аліна Христина Мар'яна Олександра Вероніка Зоряна Поліна Єва Євгенія Уляна Діана Ліля
Любов Віра Соломія Злата Мирослава Богдана
"""

UKRAINIAN_MALE = """
Олександр Сергій Андрій Володимир Віктор Юрій Микола Василь Іван Олег Дмитро Максим
Богдан Ігор Михайло Петро Тарас Роман Артем Денис Євген Олексій Павло Степан Ярослав
Назар Костянтин Вадим Віталій Руслан Анатолій Григорій Станіслав Матвій Данило Кирило
Тимофій Остап Святослав Георгій
"""

RUSSIAN_FAMILY = """
Иванов~Иванова Смирнов~Смирнова Кузнецов~Кузнецова Попов~Попова Васильев~Васильева
Петров~Петрова Соколов~Соколова Михайлов~Михайлова Новиков~Новикова Фёдоров~Фёдорова
Морозов~Морозова Волков~Волкова Алексеев~Алексеева Лебедев~Лебедева Семёнов~Семёнова
Егоров~Егорова Павлов~Павлова Козлов~Козлова Степанов~Степанова Николаев~Николаева
Орлов~Орлова Андреев~Андреева Макаров~Макарова Никитин~Никитина Захаров~Захарова
Зайцев~Зайцева Соловьёв~Соловьёва Борисов~Борисова Яковлев~Яковлева
Григорьев~Григорьева Романов~Романова Воробьёв~Воробьёва Сергеев~Сергеева
Кузьмин~Кузьмина Фролов~Фролова Александров~Александрова Дмитриев~Дмитриева
Королёв~Королёва Гусев~Гусева Киселёв~Киселёва Ильин~Ильина Максимов~Максимова
Поляков~Полякова Сорокин~Сорокина Виноградов~Виноградова Ковалёв~Ковалёва Белов~Белова
Медведев~Медведева Антонов~Антонова Тарасов~Тарасова Жуков~Жукова Баранов~Баранова
Филиппов~Филиппова Комаров~Комарова Давыдов~Давыдова Беляев~Беляева
Герасимов~Герасимова Богданов~Богданова Осипов~Осипова Сидоров~Сидорова
Матвеев~Матвеева Титов~Титова Марков~Маркова Миронов~Миронова Крылов~Крылова
Куликов~Куликова Карпов~Карпова Власов~Власова Мельников~Мельникова Денисов~Денисова
Гаврилов~Гаврилова Тихонов~Тихонова Казаков~Казакова Афанасьев~Афанасьева
Данилов~Данилова Савельев~Савельева Тимофеев~Тимофеева Фомин~Фомина Чернов~Чернова
Абрамов~Абрамова Мартынов~Мартынова Ефимов~Ефимова Федотов~Федотова
Щербаков~Щербакова Назаров~Назарова Калинин~Калинина Исаев~Исаева
Чернышёв~Чернышёва Быков~Быкова Маслов~Маслова Родионов~Родионова
Коновалов~Коновалова Лазарев~Лазарева Воронин~Воронина Климов~Климова
Филатов~Филатова Пономарёв~Пономарёва Голубев~Голубева Кудрявцев~Кудрявцева
Прохоров~Прохорова Наумов~Наумова Потапов~Потапова Журавлёв~Журавлёва
Овчинников~Овчинникова Трофимов~Трофимова Леонов~Леонова Соболев~Соболева
Ермаков~Ермакова Колесников~Колесникова Гончаров~Гончарова Емельянов~Емельянова
Никифоров~Никифорова Грачёв~Грачёва Котов~Котова Гришин~Гришина Ефремов~Ефремова
Архипов~Архипова Громов~Громова Кириллов~Кириллова Малышев~Малышева Панов~Панова
Моисеев~Моисеева Румянцев~Румянцева Акимов~Акимова Кондратьев~Кондратьева
Бирюков~Бирюкова Горбунов~Горбунова Анисимов~Анисимова Тихомиров~Тихомирова
Галкин~Галкина Лукьянов~Лукьянова Михеев~Михеева Скворцов~Скворцова Юдин~Юдина
Белоусов~Белоусова Нестеров~Нестерова Симонов~Симонова Прокофьев~Прокофьева
Харитонов~Харитонова Князев~Князева Цветков~Цветкова Левин~Левина
Воронов~Воронова Аксёнов~Аксёнова Мальцев~Мальцева Логинов~Логинова
Горшков~Горшкова Савин~Савина Краснов~Краснова Майоров~Майорова Демидов~Демидова
Елисеев~Елисеева Рыбаков~Рыбакова Сафонов~Сафонова Плотников~Плотникова
Дёмин~Дёмина Хохлов~Хохлова Жданов~Жданова Мухин~Мухина
"""

RUSSIAN_FEMALE = """
Анна Мария Елена Ольга Наталья Татьяна Ирина Екатерина Светлана Юлия Анастасия Дарья
Ксения Виктория Людмила Галина Марина Надежда Валентина Алина Полина Елизавета Софья
Вера Любовь Евгения Кристина Алёна Оксана Лариса
"""

RUSSIAN_MALE = """
Александр Сергей Дмитрий Андрей Алексей Максим Евгений Иван Михаил Владимир Николай
Артём Денис Игорь Павел Роман Виктор Олег Константин Юрий Никита Кирилл Илья Антон
Вадим Степан Григорий Фёдор Борис Тимур
"""

POLISH_FAMILY = """
Nowak Kowalski~Kowalska Wiśniewski~Wiśniewska Wójcik Kowalczyk Kamiński~Kamińska
Lewandowski~Lewandowska Zieliński~Zielińska Szymański~Szymańska Woźniak
Dąbrowski~Dąbrowska Kozłowski~Kozłowska Jankowski~Jankowska Mazur
Wojciechowski~Wojciechowska Kwiatkowski~Kwiatkowska Krawczyk Kaczmarek
Piotrowski~Piotrowska Grabowski~Grabowska Zając Pawłowski~Pawłowska
Michalski~Michalska Król Wieczorek Jabłoński~Jabłońska Wróbel Nowakowski~Nowakowska
Majewski~Majewska Olszewski~Olszewska Stępień Malinowski~Malinowska Jaworski~Jaworska
Adamczyk Dudek Nowicki~Nowicka Pawlak Górski~Górska Witkowski~Witkowska Walczak Sikora
Baran Rutkowski~Rutkowska Michalak Szewczyk Ostrowski~Ostrowska
Tomaszewski~Tomaszewska Pietrzak Marciniak Wróblewski~Wróblewska Zalewski~Zalewska
Jakubowski~Jakubowska Jasiński~Jasińska Zawadzki~Zawadzka Sadowski~Sadowska Bąk
Chmielewski~Chmielewska Włodarczyk Borkowski~Borkowska Czarnecki~Czarnecka
Sawicki~Sawicka Sokołowski~Sokołowska Urbański~Urbańska Kubiak
Maciejewski~Maciejewska Szczepański~Szczepańska Kucharski~Kucharska Wilk
Kalinowski~Kalinowska Lis Mazurek Wysocki~Wysocka Adamski~Adamska Kaźmierczak
Wasilewski~Wasilewska Sobczak Czerwiński~Czerwińska Andrzejewski~Andrzejewska Cieślak
Głowacki~Głowacka Zakrzewski~Zakrzewska Kołodziej Sikorski~Sikorska
Krajewski~Krajewska Gajewski~Gajewska Szymczak Szulc Baranowski~Baranowska
Laskowski~Laskowska Brzeziński~Brzezińska Makowski~Makowska Ziółkowski~Ziółkowska
Przybylski~Przybylska Domański~Domańska Nowacki~Nowacka Borowski~Borowska Błaszczyk
Chojnacki~Chojnacka Ciesielski~Ciesielska Mróz Szczepaniak Wesołowski~Wesołowska
Górecki~Górecka Krupa Kaczmarczyk Leszczyński~Leszczyńska Lipiński~Lipińska
Kowalewski~Kowalewska Urbaniak Kozak Kania Mikołajczyk Czajkowski~Czajkowska Mucha
Tomczak Kozieł Markowski~Markowska Kowalik Nawrocki~Nawrocka Brzozowski~Brzozowska
Janik Musiał Wawrzyniak Markiewicz Orłowski~Orłowska Tomczyk Jarosz Kołodziejczyk
Kurek Kopeć Żak Wolski~Wolska Łuczak Dziedzic Kot Stasiak Stankiewicz Piątek Jóźwiak
Urban Dobrowolski~Dobrowolska Pawlik Kruk Domagała Piasecki~Piasecka
Wierzbicki~Wierzbicka Karpiński~Karpińska Jastrzębski~Jastrzębska Polak Zięba
Janicki~Janicka Wójtowicz Stefański~Stefańska Sosnowski~Sosnowska Bednarek Majchrzak
Bielecki~Bielecka Małecki~Małecka Maj Sowa Milewski~Milewska Gajda Klimek Olejnik
Pająk Grzelak
"""

POLISH_FEMALE = """
Anna Maria Katarzyna Małgorzata Agnieszka Barbara Ewa Krystyna Magdalena Elżbieta
Joanna Aleksandra Monika Zofia Teresa Danuta Natalia Julia Karolina Marta Beata Dorota
Halina Jadwiga Jolanta Iwona Grażyna Alicja Justyna Paulina Agata Patrycja Dominika
Weronika Wiktoria Zuzanna Oliwia Maja Hanna Łucja Kinga Sylwia Urszula Renata Izabela
Edyta Kamila Martyna Gabriela
"""

POLISH_MALE = """
Piotr Krzysztof Andrzej Tomasz Paweł Jan Michał Marcin Stanisław Jakub Adam Marek Łukasz
Grzegorz Mateusz Wojciech Mariusz Dariusz Zbigniew Rafał Robert Kamil Józef Szymon Dawid
Jacek Maciej Ryszard Bartosz Sebastian Przemysław Sławomir Patryk Damian Artur Filip
Kacper Wiktor Antoni Bartłomiej Karol Henryk Kazimierz Tadeusz Zdzisław Jerzy Wiesław
Leszek Mirosław Radosław Konrad Hubert Igor Oskar
"""

# Romanian documents write ș ț with a comma below; older ones and many keyboards give
# ş ţ with a cedilla. Both forms occur in registers ("Ştefan"/"Ștefan").
ROMANIAN_FAMILY = """
Popescu Ionescu Popa Pop Radu Dumitru Stan Stoica Gheorghe Matei Ciobanu Rusu Munteanu
Moldovan Constantin Mihai Ene Lungu Marin Tudor Florea Dinu Nistor Ursu Barbu Cristea
Toma Georgescu Dragomir Ungureanu Sârbu Nițu/Niţu Bălan Lazăr Oprea Voicu Vasile Dobre
Neagu Ilie Preda Iordache Anghel Diaconu Mocanu Manea Zamfir Tănase Răducanu Pîrvu
Ștefan/Ştefan Stănescu Rădulescu Dumitrescu Vasilescu Petrescu Nicolescu Marinescu
Constantinescu Mihăilescu Iliescu Enache Sandu Cojocaru Chiriac Dobrescu Ardelean
Crăciun Mureșan/Mureşan Cozma Roman Nedelcu Bogdan Vlad Moraru Neacșu/Neacşu Pavel Sima
Grigore Costea Ispas Lupu Vasilache Rotaru Bejan Gavrilă Husar Oancea Sava Suciu
Paraschiv Stoian Căpraru Coman Surdu Crețu/Creţu Iancu Avram Apostol Mitrea Gherman
Florescu Luca Bucur Filip Tudose Buzatu Ciocan Cazacu Năstase Pană Dascălu
"""

ROMANIAN_FEMALE = """
Maria Elena Ioana Andreea Ana Alexandra Mihaela Cristina Gabriela Roxana Ramona Nicoleta
Larisa Bianca Iulia Oana Simona Daniela Georgiana Alina Florentina Adriana Denisa Raluca
Diana Loredana Mădălina Irina Anca Corina Teodora Sorina Camelia Luminița/Luminiţa
Violeta Ileana Rodica
"""

ROMANIAN_MALE = """
Andrei Alexandru Ionuț/Ionuţ Mihai Ștefan/Ştefan Gheorghe Florin Cristian Adrian Bogdan
Răzvan Vlad Cosmin Marius Ion Vasile Constantin Nicolae Dumitru Gabriel Daniel Ciprian
Sorin Lucian Radu Cătălin Valentin Sebastian Dragoș/Dragoş Petru Ovidiu Mircea Emil
Costel Liviu Eugen Octavian Tudor Horia Iulian
"""

BALKAN_FAMILY = """
Krasniqi Gashi Berisha Hodžić Morina Hadžić Shala Kovačević Hoxha Begić Kelmendi Delić
Bytyqi Mehmedović Hasani Husić Rexhepi Halilović Ahmeti Salihović Ismaili Omerović
Salihu Hasanović Hyseni Suljić Jovanović Petrović Nikolić Marković Đorđević Stojanović
Ilić Popović Pavlović Stanković Milošević Kovač Horvat Babić Marić Jurić Knežević
Vuković Perić Tomić Lukić Matić Radić Šarić Hamzić Mujić Bećirović Alić Ibrahimović
Thaçi Kastrati Musliu Haliti Sejdiu Zeqiri Mustafa Beqiri Dervishi Osmani Bajrami
Avdiu Çela Leka Dushi Hajdari Mehmeti Rama Kurti Limani Islami Shehu
"""

BALKAN_FEMALE = """
Amra Lejla Ajla Emina Selma Amina Merima Alma Azra Dženana Aida Lamija Jelena Milica Ana
Dragana Ivana Marija Snežana Maja Tamara Katarina Arta Blerina Drita Fjolla Teuta Vlora
Arbnora Albulena Besa Donika Elona Edona Fatime Shqipe Vjosa Rina Era Erza
"""

BALKAN_MALE = """
Amir Edin Emir Adnan Haris Kenan Mirza Samir Senad Alen Tarik Nermin Nikola Stefan Luka
Marko Dragan Milan Nenad Goran Zoran Dejan Ivan Miloš Ardit Arben Besnik Driton Valon
Leutrim Agon Alban Arian Bekim Blerim Dardan Fatmir Ilir Kushtrim Lulzim Shkëlzen Visar
Florent Gent Arber
"""

ERITREAN_FAMILY = """
Tesfaye Haile Gebremedhin Berhane Kidane Yohannes Mehari Ghebreyesus Tekle
Woldemichael Gebremariam Tesfamariam Habte Mengistu Abraha Asfaha Andemariam
Ghebremichael Kahsay Tsegay Weldu Zerai Hagos Gebru Teklehaimanot Ogbazghi Tewelde
Negash Woldu Mebrahtu Gebreyohannes Tesfai Araya Desta Fesseha Ghirmay Haileselassie
"""

ERITREAN_FEMALE = """
Selam Senait Helen Yordanos Saba Winta Luwam Feven Mebrat Rahel Semhar Hiwet Tsega
Mihret Meron Yohana Eden Ruth Sara Hana Salina Nebiat Tsehay Aster Almaz Abeba Genet
Hirut Kidist Lidia Lemlem Milena Abrehet Freweini Mizan Segen Delina Yodit
"""

ERITREAN_MALE = """
Yonas Dawit Filmon Samuel Robel Merhawi Tesfay Habtom Kibrom Biniam Amanuel Daniel
Yosief Michael Abel Aron Henok Natnael Medhanie Ermias Kaleab Mulugeta Tekie Goitom
Yemane Semere Zekarias Efrem Tewolde Awet Berhe Haile Kidane Fikru Mussie Nahom Simon
Petros Solomon Isaias
"""

SOMALI_FAMILY = """
Mohamed Ali Hassan Abdi Farah Warsame Abdullahi Osman Omar Hussein Jama Nur Yusuf Ahmed
Aden Ismail Ibrahim Duale Egal Hersi Mohamud Guled Samatar Elmi Dahir Abdulle Barre
Hirsi Isse Mahamed Noor Shire Gedi Roble Sheikh
"""

SOMALI_FEMALE = """
Fadumo/Faduma/Fatuma Hodan Amina Sahra/Sahro Ayan Hibo Ifrah Khadra Nimco Ubah Asha
Maryan Halima Deqa Sagal Filsan Hawa Idil Ikran Istahil Leyla Muna Naima Najma Ruqiya
Safiya Shukri Zamzam Farhiya Hamdi
"""

SOMALI_MALE = """
Abdirahman Abdullahi Mohamed Ahmed Hassan Abdi Liban Bashir Mahad Guled Yusuf Said
Farhan Hamza Khalid Abdikarim Abdirizak Abdiaziz Abdiwali Mustafe Ismail Omar Osman Ali
Ibrahim Mahamud Nuur Faisal Hussein Yasin Zakariye Sharmarke Daud Dahir
"""

NIGERIAN_FAMILY = """
Okafor Osagie Okonkwo Eze Adeyemi Igbinedion Nwosu Okeke Omoregie Obi Adebayo Chukwu
Okoro Ogunleye Anyanwu Nwachukwu Olawale Ibe Udeh Ehigiator Onwuka Ugwu Oladipo Afolabi
Balogun Nnadi Ezeh Igwe Osaro Okoye Nwankwo Ogunbiyi Adeleke Akinola Babatunde Edosomwan
Ayodele Oyelaran Adewale Ojo Okojie Ogundipe Olaniyan Aigbe Oyewole Adeniyi Idahosa
Adesanya Bakare Eboigbe Salami Lawal Osayande Abubakar Iyamu Bello Musa Ibrahim Sani
Usman Aliyu Garba Danjuma Yakubu Suleiman Agu Ani Onyeka Eghosa Uwadiae Imafidon Ekhator
"""

NIGERIAN_FEMALE = """
Blessing Precious Favour Joy Gift Peace Mercy Grace Esther Faith Patience Success Comfort
Happiness Chioma Ngozi Chiamaka Adaeze Amaka Nneka Ifeoma Uchechi Folake Funmilayo Funke
Yetunde Bukola Temitope Titilayo Adaobi Aisha Hauwa Zainab Fatima Osas Osasere Osaretin
Efe Ivie Omosede
"""

NIGERIAN_MALE = """
Chukwuemeka Chinedu Emeka Obinna Ikenna Uchenna Chidi Nnamdi Kelechi Ifeanyi Oluwaseun
Tunde Femi Segun Kunle Dayo Tayo Bayo Olumide Gbenga Godwin Prosper Victor Emmanuel
Samuel Daniel Sunday Monday Friday Innocent Lucky Osagie Osaze Osarobo Eghosa Ehis Efosa
Aliyu Musa Usman Sani Abubakar Ibrahim Kingsley Stanley Collins Henry
"""

# Vietnamese: the middle name (Văn, Thị, ...) is part of the given names.
VIETNAMESE_FAMILY = """
Nguyễn Trần Lê Phạm Hoàng Huỳnh Phan Vũ Võ Đặng Bùi Đỗ Hồ Ngô Dương Lý Trương Đinh Lâm
Mai Tô Cao Hà Đoàn
"""

VIETNAMESE_FEMALE = """
Thị_Hoa Thị_Lan Thị_Hương Thị_Mai Thị_Thảo Ngọc_Anh Thu_Trang Thị_Linh Thị_Hằng
Thị_Nga Phương_Anh Thị_Hạnh Thị_Thu Thị_Ngọc Minh_Thư Thị_Huyền Bảo_Ngọc Thị_Yến
Khánh_Linh Thị_Nhung
"""

VIETNAMESE_MALE = """
Văn_Hùng Văn_Dũng Văn_Nam Minh_Tuấn Đức_Anh Quốc_Bảo Văn_Long Hoàng_Nam Thanh_Tùng
Văn_Hải Minh_Đức Văn_Thành Quang_Huy Văn_Toàn Hữu_Phước Tiến_Dũng Văn_Tú Minh_Khoa
Gia_Huy Văn_Sơn
"""

PORTUGUESE_FAMILY = """
da_Silva/Silva dos_Santos/Santos de_Souza/Souza/de_Sousa de_Oliveira/Oliveira Pereira
Ferreira Rodrigues Alves Lima Gomes Ribeiro Carvalho de_Almeida/Almeida Costa Araújo
Nascimento Martins Rocha Barbosa Cardoso Teixeira Mendes Fernandes Moreira Correia
Cavalcanti Pinto Lopes Soares Vieira Monteiro Moura Freitas Dias de_Jesus
"""

PORTUGUESE_FEMALE = """
Maria Ana Juliana Mariana Fernanda Beatriz Júlia Camila Larissa Letícia Gabriela
Patrícia Aline Bruna Vitória Luana Raquel Tatiane Carolina Adriana Conceição
"""

PORTUGUESE_MALE = """
João José Lucas Gabriel Pedro Rafael Mateus Gustavo Felipe Bruno Thiago Rodrigo Diego
Leonardo Vinícius Marcelo Eduardo André Luiz Paulo Sebastião
"""

INDIAN_FAMILY = """
Singh~Kaur Kumar Sharma Patel Gupta Verma Reddy Nair Iyer Rao Das Joshi Mehta Shah
Chopra Malhotra Kapoor Gill Sandhu Sidhu Dhillon Grewal Bhatia Agarwal Mishra Pandey
Yadav Chauhan
"""

INDIAN_FEMALE = """
Priya Anjali Pooja Neha Sunita Kavita Deepika Harpreet Manpreet Gurpreet Simran
Jaspreet Amandeep Navneet Ritu Sneha Divya Lakshmi Meera Aishwarya
"""

INDIAN_MALE = """
Rahul Rajesh Amit Vikram Arjun Rohit Sanjay Suresh Ravi Anil Gurpreet Harpreet Manpreet
Amandeep Jaspreet Harjit Baljit Sukhwinder Ajay Karan
"""

# --- Parts for the long tail of rare family names (see names.py) ----------------------

GERMAN_TAIL_HEADS = """
Ober Unter Nieder Hinter Vorder Holz Stein Berg Wald Wies Bach Mühl Kirch Brunn Feld Hof
Moos Lind Eich Buch Roth Schwarz Weiß Alt Neu Groß Klein Hoch Lang Kurz Hasl Riedl
Amper Glonn Sonn Kreuz Schön Grün Fisch Wein
"""

GERMAN_TAIL_ENDS = """
huber maier mayr bauer hofer moser bichler leitner egger müller mann ner berger inger
hammer meier reiter schmid lechner wimmer thaler gruber stetter brunner eder
"""

TURKISH_TAIL_HEADS = """
Ak Kara Gök Öz Er Al Ay Bal Demir Yıldız Tok Kaya Tan Şen Uz Çak Gür Bay Kılıç Taş Yurt
Ar Bilge Çelik Deniz Ekin Gül Han Kor Kurt Sarı Şahin Tuna Türk Uçar Yavuz
"""

TURKISH_TAIL_ENDS = """
soy taş kaya can han türk demir el oğlu men er dağ göz bay ay yol yiğit doğan baş kan
ol alp tekin kurt özer gün
"""

UKRAINIAN_TAIL_HEADS = """
Бондар Ткач Мельнич Шевч Кравч Гонч Лис Кузьм Павл Петр Іван Сав Коваль Гриц Мих Дмитр
Оліш Яков Тимош Степан Онищ Кирил Мартин Юрч Семен Гнат Стас Данил Гаврил Максим Тарас
Остап Федор Назар Левч Харч Зінч Фес
"""

UKRAINIAN_TAIL_ENDS = """
енко ук юк чук ак ик ич ишин ець
"""

POLISH_TAIL_HEADS = """
Kowal Wiśniew Lewandow Kozłow Jankow Wojciechow Kwiatkow Piotrow Grabow Pawłow Michalow
Nowakow Adamow Zalew Marcinow Sadow Baranow Borkow Czarnow Dąbrow Jasiń Krasow Lipow
Malinow Orłow Ostrow Rybczyń Sosnow Tarnow Wasilew Wierzbow Zieliń Żuraw Brzezow Dębow
"""

ROMANIAN_TAIL_HEADS = """
Pop Ion Georg Vasil Dumitr Petr Stan Rad Mihail Constantin Marin Nicol Tudor Lup Ursul
Mocan Vlad Dobr Neag Stoic Băl Cârst Florin Grigor Ilie Matei Negr Oprin Pavel Sandul
Șerb Tom Zamfir
"""

ROMANIAN_TAIL_ENDS = """
escu eanu aru ache oiu ică
"""

BALKAN_TAIL_HEADS = """
Mehmed Hodž Hadž Halil Salih Omer Husein Mujk Bećir Sulejman Avd Ibrahim Hasan Alij
Petr Jovan Nikol Mark Stojan Pavl Stank Miloš Radov Vuk Tom Luk Mat Jur Bab Knež Ham
"""

NIGERIAN_TAIL_HEADS = """
Chukwu Nwa Obi Onye Uche Ike Ade Olu Oluwa Ola Ayo Oye Ogun Akin Ife Osa Eghe Omo Ehi
"""

NIGERIAN_TAIL_ENDS = """
emeka ka nna dike bueze ma chi kwu eze oma yemi bayo wale seun tunde dele kunle femi
labi sola toyin wumi niyi gie ro ze mwan
"""

TIGRINYA_TAIL_HEADS = """
Gebre Wolde Haile Tesfa Kidane Habte Zere Ghebre Tekle Berhane Ogba Fessha Mehari Kahsa
"""

TIGRINYA_TAIL_ENDS = """
mariam medhin michael selassie giorgis yesus mikael kidan ab tsion egziabher hiwet
"""
