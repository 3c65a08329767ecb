# Die eigenen Worte von cxm auf Deutsch: Eingabeaufforderungen, Überschriften und
# Beschriftungen der Berichte, Urteile. Anrede: „Sie“.
#
# Jede Nachricht hier muss es in jeder anderen locales/<lang>/cxm.ftl geben, mit denselben
# { $Variablen } (ein Test prüft beides). Neue Nachricht: eine id wählen, die mit dem Teil
# von cxm beginnt, zu dem sie gehört (report-, assess-, compare-, html-, …), in jede Datei
# eintragen und im Code als t!(lang, "die-id") oder t!(lang, "die-id", name = wert)
# verwenden, in einer HTML-Vorlage als {{ t("die-id", name=wert) }}. Mehrzahl über
# Fluent-Selektoren:
#   stages-to-go = { $gap -> [one] noch 1 Stufe *[other] noch { $gap } Stufen }
# Zahlen mit Nachkommastellen kommen fertig geschrieben an (2,83), eine Nachricht
# formatiert sie nie selbst. Die Namen der Stufen stammen aus dem Fragebogen und bleiben
# Englisch. Fehlermeldungen und Warnungen (`error: …`, `warning: …`) bleiben Englisch.

## Gemeinsam für die Berichte (Tabelle, Markdown, HTML)

yes = ja
no = nein
score-of-max = { $score } / { $max }
score-none = kein Wert
score-means = Mittelwert der Dimensionswerte
stage-not-assessed = nicht bewertet
overall-stage-none = keine: Keine Frage hat eine Antwort mit Stufe
overall-method-mean = aus dem Mittelwert der Dimensionswerte
overall-method-weakest = die Stufe Ihrer schwächsten Dimension
held-back-all = alle Dimensionen gleichermaßen (jede steht auf dieser Stufe)
coverage = { $answered } von { $questions } beantwortet, { $not_applicable } trifft nicht zu, { $unknown } weiß nicht, { $unanswered } unbeantwortet
open-questions = { $open ->
    [one] 1 Frage ist noch offen („Weiß nicht“ oder unbeantwortet)
   *[other] { $open } Fragen sind noch offen („Weiß nicht“ oder unbeantwortet)
}
action-none-sustain = Halten: höchste Stufe erreicht
action-none-not-assessed = Beantworten Sie die Fragen dieser Dimension, um eine Stufe zu erhalten
action-none-not-defined = Für diese Stufe ist kein Schritt festgelegt
action-kpi = KPI
action-owner = Zuständig
action-horizon = Zeitrahmen
lift-label = Für { $stage }
lift-answer-open-first = { $open ->
    [one] höhere Antworten auf die beantworteten Fragen reichen nicht; beantworten Sie zuerst die offene Frage
   *[other] höhere Antworten auf die beantworteten Fragen reichen nicht; beantworten Sie zuerst die { $open } offenen Fragen
}
lift-options-stop-below = höhere Antworten auf die beantworteten Fragen reichen nicht: ihre Optionen enden darunter
target-reached = erreicht
target-no-overall-stage = noch keine Gesamtstufe
stages-to-go = { $gap ->
    [one] noch 1 Stufe
   *[other] noch { $gap } Stufen
}
target-progress = { $to_go }, { $percent } % des Wegs
answer-not-applicable = Trifft nicht zu
answer-dont-know = Weiß nicht
answer-unanswered = (unbeantwortet)

label-organisation = Organisation
label-respondent = Befragte Person
label-date = Datum
label-questionnaire = Fragebogen
label-overall-stage = Gesamtstufe
label-score = Wert
label-target = Ziel
label-respondents = Befragte
label-held-back-by = Gebremst durch
label-answers = Antworten
label-complete = Vollständig
label-ci-gate = CI-Prüfung

column-dimension = Dimension
column-score = Wert
column-scores = Werte
column-stage = Stufe
column-next-action = Nächster Schritt
column-to-target = Bis zum Ziel
column-level = Nr.
column-stage-means = Bedeutung
column-dimensions-here = Dimensionen hier
column-question = Frage
column-answer = Antwort
column-note = Notiz
column-agreement = Einigkeit

gate-passed-minimum = bestanden (Mindeststufe { $min })
gate-failed = nicht bestanden

report-questionnaire-line = Fragebogen { $id } { $version }
report-heading-ladder = Stufenleiter
report-ladder-here = Hier
report-heading-dimensions = Dimensionen
report-next = Nächster Schritt
report-heading-why = Warum diese Stufen, und was sie anhebt
report-answers-below = Antworten unter { $level }
report-heading-actions = Nächste Schritte, schwächste Dimension zuerst
report-sustain = Auf der höchsten Stufe, Erreichtes halten

roadmap-heading = Roadmap zu { $stage }
roadmap-all-reached = Jede Dimension hat das Ziel erreicht.
roadmap-phase-horizon = Phase { $phase }: { $horizon }
roadmap-phase = Phase { $phase }
roadmap-steps = Schritte

## Gruppenberichte (cxm aggregate)

group-heading-scores = Dimensionswerte der einzelnen Befragten
group-no-scores = keine Werte
group-heading-disagree = Wo die Befragten uneins sind, geringste Einigkeit zuerst
group-all-agree = Alle Befragten haben dieselben Stufen gewählt.
respondents-skipped = { $skipped ->
    [one] 1 ungültige Datei übersprungen
   *[other] { $skipped } ungültige Dateien übersprungen
}
respondent-scores = Median { $median }, von { $min } bis { $max }
agreement-no-stage-answers = keine Antworten mit Stufe
agreement-agreed = einig
agreement-mostly-agreed = weitgehend einig
agreement-split = uneins
agreement-consensus = { $word } (Konsens { $consensus })
agreement-spread = Spannweite { $spread }

## Markdown-Bericht

md-title = { $title }: Stufenbericht
md-ladder-overall = gesamt

## HTML-Bericht (report.html und compare.html)

html-stage-report = Stufenbericht
html-for = für
html-answered-with = beantwortet mit { $version }
html-complete = vollständig
html-incomplete = unvollständig
gate-passed = bestanden
gate-minimum = Mindeststufe { $min }
html-method-weakest = die Stufe der schwächsten Dimension
html-none = keine
html-no-stage-answer = Keine Frage hat eine Antwort mit Stufe
html-to-reach-next = Zur nächsten Stufe
html-heading-glance = Die Dimensionen im Überblick
html-legend-score = Wert
html-legend-band = Spanne der eigenen Werte der { $respondents } Befragten
html-legend-target = Ziel { $stage }
html-legend-scale = Skala 1 bis { $max }, die Zahlen stehen in der Tabelle
html-column-to-target = Bis zum Ziel
html-median = Median { $median }
html-to-go-percent = { $gap ->
    [one] noch 1 Stufe
   *[other] noch { $gap } Stufen
}, { $percent } %
html-heading-ladder = Die Stufenleiter
html-you-are-here = Sie sind hier
html-heading-details = Die Dimensionen im Einzelnen
html-sustain = Auf der höchsten Stufe: Erreichtes halten.
html-no-action-defined = Der Fragebogen legt für diese Stufe keinen Schritt fest.
html-what-lifts-it = Was sie eine Stufe anhebt
html-answers-below-stage = Antworten unter ihrer Stufe
html-stage-number = Stufe { $level }
html-heading-disagree = Wo die Befragten uneins sind
html-disagree-explained = Geringste Einigkeit zuerst. Die Gruppenantwort ist der untere Median der Antworten mit Stufe; n ist die Zahl dieser Antworten; der Konsens ist das Maß nach Leik, 1, wenn alle übereinstimmen.
html-column-answers-given = Gegebene Antworten
html-column-spread = Spannweite
html-column-consensus = Konsens
html-column-group-answer = Gruppenantwort
html-no-step-action = für diese Stufe ist kein Schritt festgelegt
html-made-with = Erstellt mit cxm { $version } aus dem Fragebogen { $questionnaire }.
html-rules = Stufenregel: { $stage_rule ->
        [reached] die höchste Stufe, die der Wert erreicht hat
       *[nearest] die dem Wert nächstgelegene Stufe
    }; Gesamtstufe: { $method ->
        [mean] die Stufe des Durchschnittswerts
       *[weakest-link] die Stufe der schwächsten Dimension
    }.

## Das Netzdiagramm im HTML-Bericht

radar-title = Dimensionswerte
radar-summary = Dimensionswerte auf einer Skala von 1 bis { $max }. { $scores }.
radar-dimension-score = { $dimension }: { $score } (Stufe { $stage })
radar-target-stage = Ziel: Stufe { $stage }
radar-score = Wert
radar-target = Ziel
radar-highest-respondent = Höchster Wert eines Befragten
radar-lowest-respondent = Niedrigster Wert eines Befragten
radar-title-before-after = Dimensionswerte vorher und nachher
radar-before-after = { $dimension }: { $before } vorher, { $after } nachher

## cxm compare

compare-title = { $title }: Fortschritt
compare-progress = Fortschritt
compare-before = Vorher
compare-after = Nachher
compare-change = Veränderung
compare-went-down = Gesunken
compare-no-stage = keine Stufe
compare-same-stage = gleiche Stufe
compare-stages-up = { $stages ->
    [one] 1 Stufe höher
   *[other] { $stages } Stufen höher
}
compare-stages-down = { $stages ->
    [one] 1 Stufe tiefer
   *[other] { $stages } Stufen tiefer
}
compare-no-stage-to-compare = keine Stufe zum Vergleichen
compare-answer-na = trifft nicht zu
compare-answer-dont-know = weiß nicht
compare-answer-unanswered = unbeantwortet
compare-no-progress = kein Fortschritt messbar
compare-progress-since-first = { $percent } % des Wegs seit der ersten Datei
compare-heading-moved = Geänderte Antworten ({ $count })
compare-none = keine
compare-none-moved = Keine.
compare-not-compared = Nicht verglichen (Antworten, die diese Version des Fragebogens nicht mehr hat)
compare-html-up = { $stages } höher
compare-html-down = { $stages } tiefer
compare-html-of-the-way = { $percent } % des Wegs
compare-html-to-go = noch { $gap }
compare-regression = { $name } von { $before } auf { $after }
compare-regression-overall = Gesamtstufe
compare-verdict-regression = Rückschritt: { $regressions }
compare-verdict-none = kein Rückschritt: keine Stufe ist gesunken

## Die Prüfung von cxm score --min-stage

gate-reason-no-stage = keine Gesamtstufe: Keine Frage hat eine Antwort mit Stufe, daher kann { $min } nicht erreicht werden
gate-reason-below = Gesamtstufe { $stage } liegt unter { $min }
gate-reason-incomplete = das Ergebnis ist unvollständig ({ $unknown } weiß nicht, { $unanswered } unbeantwortet von { $questions } Fragen); beantworten Sie diese oder geben Sie --allow-incomplete an
gate-verdict-passed = Prüfung bestanden: Gesamtstufe { $stage } erreicht { $min }
gate-verdict-failed = Prüfung nicht bestanden: { $reasons }

## CSV-Spaltennamen: klein, Wörter mit _ verbunden, wie Tabellen-Skripte es erwarten

csv-dimension-id = dimension_id
csv-dimension = dimension
csv-question-id = frage_id
csv-question = frage
csv-answer = antwort
csv-option = option
csv-stage = stufe
csv-note = notiz
csv-file = datei
csv-respondent = befragte_person
csv-count = anzahl
csv-count-na = anzahl_trifft_nicht_zu
csv-count-unknown = anzahl_weiss_nicht
csv-count-unanswered = anzahl_unbeantwortet
csv-spread = spannweite
csv-consensus = konsens

## cxm assess: die Fragen

assess-dont-know = Weiß nicht
assess-not-applicable = Trifft auf uns nicht zu
assess-question-of = Frage { $number } von { $total }
assess-first-question = Dies ist die erste Frage, weiter zurück geht es nicht. Strg+C beendet.
assess-first-of-this-run = Dies ist die erste Frage dieses Durchgangs; die früheren sind schon beantwortet (ein neuer Aufruf von assess mit der Datei bietet eine Durchsicht aller an). Strg+C beendet.
assess-back = (zurück)
assess-organisation-name = Name der Organisation:
assess-your-name = Ihr Name:
assess-name-help-keep = erscheint im Bericht; Enter behält ihn bei
assess-name-help-skip = erscheint im Bericht; Enter überspringt
assess-name-kept = (beibehalten)
assess-name-skipped = (übersprungen)
assess-note = Notiz (Beleg, Begründung):
assess-note-help = Enter überspringt · Esc führt zurück zur Frage
assess-note-back = (zurück zur Frage)
assess-no-target = Kein Ziel (überspringen)
assess-target-question = Welche Stufe streben Sie an? Der Bericht zeigt dann den Abstand dorthin und eine Roadmap der Schritte, die dorthin führen.
assess-target-help = ↑↓ wählen, Enter bestätigt, Esc lässt es, wie es ist

## cxm assess: rund um die Fragen

assess-intro-size = { $questions ->
    [one] 1 Frage
   *[other] { $questions } Fragen
} in { $parts ->
    [one] 1 Teil
   *[other] { $parts } Teilen
}, etwa { $from }–{ $to } Minuten. Wählen Sie die Antwort, die dem am nächsten kommt, was Ihr Unternehmen heute tut; „Weiß nicht“ ist eine gute Antwort.
assess-intro-new-file = einer neuen Datei in diesem Verzeichnis
assess-intro-saved = Ihr Fortschritt wird nach jeder Antwort in { $saved_in } gespeichert. Esc geht eine Frage zurück; Strg+C beendet sicher, und Sie können später weitermachen.
assess-newer-copy = Das Speichern von { $path } wurde unterbrochen und hat eine neuere Kopie hinterlassen ({ $copy } Antworten; die Datei hat { $file }).
assess-keep-newer-copy = Die neuere Kopie behalten
assess-keep-file = { $path } so lassen, wie es ist
assess-first-save-copy = Das erste Speichern von { $path } wurde unterbrochen und hat eine Kopie mit { $copy } Antworten hinterlassen.
assess-start-afresh = Neu beginnen
assess-other-removed = Die andere wird entfernt
assess-removed-temporary = { $files ->
    [one] Eine temporäre Datei aus einem unterbrochenen Speichern von { $path } wurde entfernt.
   *[other] { $files } temporäre Dateien aus einem unterbrochenen Speichern von { $path } wurden entfernt.
}
assess-stopped-unchanged = Beendet; { $path } ist unverändert.
assess-carried-over = { $answers ->
    [one] 1 Antwort wird übernommen
   *[other] { $answers } Antworten werden übernommen
}
assess-left-out = { $answers ->
    [one] 1 passt zu keiner Frage mehr und entfällt
   *[other] { $answers } passen zu keiner Frage mehr und entfallen
}
assess-other-version = { $path } wurde mit Version { $old } von { $id } beantwortet; dies ist Version { $new }. { $carried }; Sie werden nur nach dem Rest gefragt. Die Datei der Version { $old } bleibt als { $kept } erhalten.
assess-nothing-saved = Vor der ersten Antwort beendet; nichts wurde gespeichert.
assess-choose-one = Wählen Sie eine dieser Möglichkeiten; Strg+C beendet.
assess-today-unfinished = { $path } von heute ist nicht fertig ({ $progress }).
assess-go-on-with = Mit { $path } weitermachen
assess-start-new-file = Eine neue Datei beginnen
assess-go-on-help = Beim Weitermachen kommen nur die noch offenen Fragen
assess-resuming = Weiter mit { $path }: { $coverage }. Es folgen die { $open } offenen Fragen. Esc geht zurück; Strg+C beendet sicher.
assess-answer-open = { $open ->
    [one] Die noch offene Frage beantworten („Weiß nicht“)
   *[other] Die { $open } noch offenen Fragen beantworten („Weiß nicht“)
}
assess-show-report = Den Bericht zeigen
assess-review-all = Alle Antworten durchgehen
assess-all-answered = { $path } hat zu jeder Frage eine Antwort.
assess-all-answered-dont-know = { $path } hat zu jeder Frage eine Antwort, { $open } davon „Weiß nicht“.
assess-review-help = Beim Durchgehen kommt jede Frage mit Ihrer Antwort vorausgewählt
assess-stopped-saved = Beendet: { $coverage }. Gespeichert in { $path }.
    Weitermachen mit:
assess-answer-them-with = { $open ->
    [one] Beantworten Sie die offene Frage mit:
   *[other] Beantworten Sie die offenen Fragen mit:
}
assess-saved-rescore = Antworten gespeichert in { $path }
    Erneut bewerten, z. B. in der CI:
assess-summary = Zusammenfassung
assess-summary-stage = Gesamtstufe: { $stage }, Wert { $score }
assess-summary-no-stage = Gesamtstufe: keine, da keine Frage eine Antwort mit Stufe hat
assess-summary-first-action = Erster nächster Schritt: { $action } ({ $dimension })

## Workshop-Sitzungen (cxm workshop und Berichte seiner Sitzungsdateien)

label-participants = Teilnehmende
session-heading-scores = Dimensionswerte der einzelnen Teilnehmenden
session-heading-disagree = Diskussionsliste: wo die Runde uneins war, geringste Einigkeit zuerst
session-all-agree = Bei den verdeckten Abstimmungen lag die Runde nie 2 oder mehr Stufen auseinander und war nie uneins.
agreement-rounds = { $rounds ->
    [one] { $rounds } Runde
   *[other] { $rounds } Runden
}
html-session-heading-disagree = Diskussionsliste: wo die Runde uneins war
html-session-disagree-explained = Fragen, bei denen die Runde 2 oder mehr Stufen auseinanderlag oder weniger als weitgehend einig war (Konsens unter { $threshold }), geringste Einigkeit zuerst, so wie die Runde vor jeder Diskussion verdeckt abgestimmt hat. Der Konsens ist das Maß nach Leik: 1, wenn alle übereinstimmen.
html-column-voters = Wer was gewählt hat
html-column-agreed-answer = Vereinbarte Antwort
html-legend-band-participants = Spanne der eigenen Werte der { $respondents } Teilnehmenden

workshop-intro-title = { $title }: Workshop
workshop-intro = { $questions ->
    [one] 1 Frage
   *[other] { $questions } Fragen
} in { $parts ->
    [one] 1 Teil
   *[other] { $parts } Teilen
}. Zu jeder Frage stimmen alle nacheinander verdeckt ab: Drücken Sie die Nummer Ihrer Antwort, ? für „Weiß nicht“ oder - für „Trifft auf uns nicht zu“; die gedrückte Taste wird nicht angezeigt. Wenn alle abgestimmt haben, werden die Stimmen gezeigt, und die Runde einigt sich auf eine Antwort.
    Jede Stimme wird sofort in { $saved_in } gespeichert. Esc geht eine Frage zurück; Strg+C beendet sicher, und die Sitzung lässt sich fortsetzen.
workshop-participants = Teilnehmende (Namen durch Kommas getrennt):
workshop-participants-help = { $min } bis { $max } Personen, z. B. Anna, Ben, Chris; sie stimmen in dieser Reihenfolge ab
workshop-nothing-to-go-back = (hier geht es nicht zurück)
workshop-participants-first = Nennen Sie zuerst die Teilnehmenden; Strg+C beendet.
workshop-nothing-saved = Beendet, bevor der Workshop begann; nichts wurde gespeichert.
workshop-vote-prompt = { $name }, Ihre Stimme: { $keys }, ? = weiß nicht, - = trifft nicht zu
workshop-votes = Die Stimmen
workshop-votes-round = Die Stimmen, Runde { $round }
workshop-group-answer = Gruppenantwort { $answer }
workshop-no-group-answer = Keine Gruppenantwort
workshop-spread = Spannweite { $spread ->
    [one] 1 Stufe
   *[other] { $spread } Stufen
}
workshop-consensus = Konsens { $consensus }, { $word }
workshop-no-stage-votes = keine Stimmen mit Stufe
workshop-discuss = Diskutieren: Die Runde liegt weit auseinander. Sprechen Sie darüber und stimmen Sie dann erneut ab, oder wählen Sie die Antwort, auf die sich die Runde einigt.
workshop-rooms-answer = Die Antwort der Runde:
workshop-vote-again = Erneut abstimmen (verdeckt)
workshop-agree-help-discuss = Diskutieren, dann erneut abstimmen oder die vereinbarte Antwort wählen · Esc: vorige Frage
workshop-agree-help = Enter bestätigt · wählen Sie eine andere Antwort, wenn die Runde sich darauf einigt · Esc: vorige Frage
workshop-note = Notiz (warum diese Antwort):
workshop-note-help = Enter überspringt · Esc führt zurück zur Antwort
workshop-note-back = (zurück zur Antwort)
workshop-resuming = { $path } wird fortgesetzt: { $agreed } von { $questions ->
    [one] 1 Frage
   *[other] { $questions } Fragen
} vereinbart. Esc geht eine Frage zurück; Strg+C beendet sicher.
workshop-all-agreed = { $path } hat zu jeder Frage eine vereinbarte Antwort.
workshop-go-through = Alle Fragen noch einmal durchgehen
workshop-go-through-help = Beim Durchgehen sehen Sie die Stimmen jeder Frage; stimmen Sie erneut ab oder ändern Sie die Antwort
workshop-stopped = Beendet: { $agreed } von { $questions ->
    [one] 1 Frage
   *[other] { $questions } Fragen
} vereinbart. Jede Stimme ist in { $path } gespeichert.
    Fortsetzen mit:
workshop-on-signal = Durch { $signal } beendet. Jede bisherige Stimme ist in { $path } gespeichert. Fortsetzen mit:
    { $command }
workshop-saved = Sitzung gespeichert in { $path }
    Der Bericht für den Kunden:
workshop-on-signal-nothing-saved = Durch { $signal } beendet, bevor der Workshop begann; nichts wurde gespeichert.
