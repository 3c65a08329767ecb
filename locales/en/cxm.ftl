# cxm's own words in English: prompts, report headings and labels, verdicts.
#
# Every message here must also be in every other locales/<lang>/cxm.ftl, with the same
# { $variables } (a test checks both). To add one: pick an id that starts with the part
# of cxm it belongs to (report-, assess-, compare-, html-, …), add it to each file, and
# use it from code as t!(lang, "the-id") or t!(lang, "the-id", name = value); in an
# HTML template as {{ t("the-id", name=value) }}. Plurals are Fluent selectors:
#   stages-to-go = { $gap -> [one] 1 stage to go *[other] { $gap } stages to go }
# Numbers with decimals are passed already written (2.83 here, 2,83 in German), so a
# message never formats them itself. Stage names come from the questionnaire.
# Error messages and warnings (`error: …`, `warning: …`) stay in English, in the code.

## Shared by the report views (table, Markdown, HTML)

yes = yes
no = no
score-of-max = { $score } / { $max }
score-none = no score
score-means = average of the dimension scores
stage-not-assessed = not assessed
overall-stage-none = none: no question has a stage answer
overall-method-mean = from the average of the dimension scores
overall-method-weakest = the stage of your weakest dimension
held-back-all = all dimensions equally (each is at this stage)
coverage = { $answered } of { $questions } answered, { $not_applicable } not applicable, { $unknown } don't know, { $unanswered } unanswered
open-questions = { $open ->
    [one] 1 question is still open (don't know or unanswered)
   *[other] { $open } questions are still open (don't know or unanswered)
}
action-none-sustain = Sustain: top stage reached
action-none-not-assessed = Answer its questions to get a stage
action-none-not-defined = No action defined for this stage
action-kpi = KPI
action-owner = Owner
action-horizon = Horizon
lift-label = To reach { $stage }
lift-answer-open-first = { $open ->
    [one] raising the answers given does not get there; answer the 1 open question first
   *[other] raising the answers given does not get there; answer the { $open } open questions first
}
lift-options-stop-below = raising the answers given does not get there: their options stop below it
target-reached = reached
target-no-overall-stage = no overall stage yet
stages-to-go = { $gap ->
    [one] 1 stage to go
   *[other] { $gap } stages to go
}
target-progress = { $to_go }, { $percent } % of the way
answer-not-applicable = Not applicable
answer-dont-know = Don't know
answer-unanswered = (unanswered)

label-organisation = Organisation
label-respondent = Respondent
label-date = Date
label-questionnaire = Questionnaire
label-overall-stage = Overall stage
label-score = Score
label-target = Target
label-respondents = Respondents
label-held-back-by = Held back by
label-answers = Answers
label-complete = Complete
label-ci-gate = CI gate

column-dimension = Dimension
column-score = Score
column-scores = Scores
column-stage = Stage
column-next-action = Next action
column-to-target = To the target
column-level = Level
column-stage-means = What it means
column-dimensions-here = Dimensions here
column-question = Question
column-answer = Answer
column-note = Note
column-agreement = Agreement

gate-passed-minimum = passed (minimum stage { $min })
gate-failed = failed

report-questionnaire-line = questionnaire { $id } { $version }
report-heading-ladder = Stage ladder
report-ladder-here = Here
report-heading-dimensions = Dimensions
report-next = Next
report-heading-why = Why these stages, and what lifts them
report-answers-below = Answers below { $level }
report-heading-actions = Next actions, weakest dimension first
report-sustain = At the top stage, sustain

roadmap-heading = Roadmap to { $stage }
roadmap-all-reached = Every dimension is at the target.
roadmap-phase-horizon = Phase { $phase }: { $horizon }
roadmap-phase = Phase { $phase }
roadmap-steps = Steps

## Group reports (cxm aggregate)

group-heading-scores = Respondents' own dimension scores
group-no-scores = no scores
group-heading-disagree = Where the respondents disagree, least agreement first
group-all-agree = Everyone gave the same stage answers.
respondents-skipped = { $skipped ->
    [one] 1 invalid file skipped
   *[other] { $skipped } invalid files skipped
}
respondent-scores = median { $median }, from { $min } to { $max }
agreement-no-stage-answers = no stage answers
agreement-agreed = agreed
agreement-mostly-agreed = mostly agreed
agreement-split = split
agreement-consensus = { $word } (consensus { $consensus })
agreement-spread = spread { $spread }

## Markdown report

md-title = { $title }: stage report
md-ladder-overall = overall

## HTML report (report.html and compare.html)

html-stage-report = Stage report
html-for = for
html-answered-with = answered with { $version }
html-complete = complete
html-incomplete = incomplete
gate-passed = passed
gate-minimum = minimum stage { $min }
html-method-weakest = the stage of the weakest dimension
html-none = none
html-no-stage-answer = no question has a stage answer
html-to-reach-next = To reach the next stage
html-heading-glance = Dimensions at a glance
html-legend-score = score
html-legend-band = range of the { $respondents } respondents' own scores
html-legend-target = target { $stage }
html-legend-scale = scale 1 to { $max }, the numbers are in the table
html-column-to-target = To target
html-median = median { $median }
html-to-go-percent = { $gap } to go, { $percent } %
html-heading-ladder = The stage ladder
html-you-are-here = you are here
html-heading-details = Dimensions in detail
html-sustain = At the top stage: sustain what works.
html-no-action-defined = The questionnaire defines no action for this stage.
html-what-lifts-it = What lifts it a stage
html-answers-below-stage = Answers below its stage
html-stage-number = stage { $level }
html-heading-disagree = Where the respondents disagree
html-disagree-explained = Least agreement first. The group answer is the lower median of the stage answers; n is how many it rests on; consensus is Leik's measure, 1 when everyone agrees.
html-column-answers-given = Answers given
html-column-spread = Spread
html-column-consensus = Consensus
html-column-group-answer = Group answer
html-no-step-action = no action defined for this stage
html-made-with = Made with cxm { $version } from questionnaire { $questionnaire }.
html-rules = Stage rule: { $stage_rule ->
        [reached] reached, the highest stage the score has reached
       *[nearest] nearest, the stage nearest to the score
    }; overall stage: { $method ->
        [mean] mean, the stage of the average score
       *[weakest-link] weakest link, the stage of the weakest dimension
    }.

## The radar chart in HTML reports

radar-title = Dimension scores
radar-summary = Dimension scores on a scale of 1 to { $max }. { $scores }.
radar-dimension-score = { $dimension }: { $score } (stage { $stage })
radar-target-stage = target: stage { $stage }
radar-score = Score
radar-target = Target
radar-highest-respondent = Highest respondent score
radar-lowest-respondent = Lowest respondent score
radar-title-before-after = Dimension scores before and after
radar-before-after = { $dimension }: { $before } before, { $after } after

## cxm compare

compare-title = { $title }: progress
compare-progress = progress
compare-before = Before
compare-after = After
compare-change = Change
compare-went-down = Went down
compare-no-stage = no stage
compare-same-stage = same stage
compare-stages-up = { $stages ->
    [one] 1 stage up
   *[other] { $stages } stages up
}
compare-stages-down = { $stages ->
    [one] 1 stage down
   *[other] { $stages } stages down
}
compare-no-stage-to-compare = no stage to compare
compare-answer-na = n/a
compare-answer-dont-know = don't know
compare-answer-unanswered = unanswered
compare-no-progress = no progress to measure
compare-progress-since-first = { $percent } % of the way since the first file
compare-heading-moved = Answers that moved ({ $count })
compare-none = none
compare-none-moved = None.
compare-not-compared = Not compared (answers this questionnaire version no longer has)
compare-html-up = { $stages } up
compare-html-down = { $stages } down
compare-html-of-the-way = { $percent } % of the way
compare-html-to-go = { $gap } to go
compare-regression = { $name } from { $before } to { $after }
compare-regression-overall = overall stage
compare-verdict-regression = regression: { $regressions }
compare-verdict-none = no regression: no stage went down

## The gate of cxm score --min-stage

gate-reason-no-stage = no overall stage: no question has a stage answer, so it cannot reach { $min }
gate-reason-below = overall stage { $stage } is below { $min }
gate-reason-incomplete = the result is incomplete ({ $unknown } don't know, { $unanswered } unanswered of { $questions } questions); answer them or pass --allow-incomplete
gate-verdict-passed = gate passed: overall stage { $stage } meets { $min }
gate-verdict-failed = gate failed: { $reasons }

## CSV column names: lower case, words joined by _, as spreadsheet scripts expect

csv-dimension-id = dimension_id
csv-dimension = dimension
csv-question-id = question_id
csv-question = question
csv-answer = answer
csv-option = option
csv-stage = stage
csv-note = note
csv-file = file
csv-respondent = respondent
csv-count = count
csv-count-na = count_na
csv-count-unknown = count_unknown
csv-count-unanswered = count_unanswered
csv-spread = spread
csv-consensus = consensus

## cxm assess: the questions

assess-dont-know = Don't know
assess-not-applicable = Not applicable to us
assess-question-of = Question { $number } of { $total }
assess-first-question = This is the first question, so there is nothing to go back to. Ctrl-C stops.
assess-first-of-this-run = This is the first question of this run; the earlier ones are answered already (running assess on the file again offers a review of all). Ctrl-C stops.
assess-back = (back)
assess-organisation-name = Organisation name:
assess-your-name = Your name:
assess-name-help-keep = shown on the report; Enter keeps it as shown
assess-name-help-skip = shown on the report; Enter skips
assess-name-kept = (kept)
assess-name-skipped = (skipped)
assess-note = Note (evidence, why):
assess-note-help = Enter to skip · Esc returns to the question
assess-note-back = (back to the question)
assess-no-target = No target (skip)
assess-target-question = Which stage do you aim for? The report then shows the gap to it and a roadmap of the actions that get there.
assess-target-help = ↑↓ choose, Enter confirms, Esc keeps it as it is

## cxm assess: around the questions

assess-intro-size = { $questions ->
    [one] 1 question
   *[other] { $questions } questions
} in { $parts ->
    [one] 1 part
   *[other] { $parts } parts
}, about { $from }–{ $to } minutes. Pick the answer closest to what your company does today; "Don't know" is a fine answer.
assess-intro-new-file = a new file in this directory
assess-intro-saved = Progress is saved after every answer in { $saved_in }. Esc goes back one question; Ctrl-C stops safely and you can resume later.
assess-newer-copy = A save to { $path } was interrupted and left a newer copy ({ $copy } answers; the file has { $file }).
assess-keep-newer-copy = Keep the newer copy
assess-keep-file = Keep { $path } as it is
assess-first-save-copy = The first save to { $path } was interrupted and left a copy with { $copy } answers.
assess-start-afresh = Start afresh
assess-other-removed = The other one is removed
assess-removed-temporary = { $files ->
    [one] Removed a temporary file left by an interrupted save of { $path }.
   *[other] Removed { $files } temporary files left by an interrupted save of { $path }.
}
assess-stopped-unchanged = Stopped; { $path } is unchanged.
assess-carried-over = { $answers ->
    [one] 1 answer is carried over
   *[other] { $answers } answers are carried over
}
assess-left-out = { $answers ->
    [one] 1 no longer fits a question and is left out
   *[other] { $answers } no longer fit a question and are left out
}
assess-other-version = { $path } was answered with version { $old } of { $id }; this is version { $new }. { $carried }; you are asked only the rest. The { $old } file is kept as { $kept }.
assess-nothing-saved = Stopped before the first answer; nothing was saved.
assess-choose-one = Choose one of these; Ctrl-C stops.
assess-today-unfinished = { $path } from today is not finished ({ $progress }).
assess-go-on-with = Go on with { $path }
assess-start-new-file = Start a new file
assess-go-on-help = Going on asks only the questions still open
assess-resuming = Resuming { $path }: { $coverage }. The { $open } open questions follow. Esc goes back; Ctrl-C stops safely.
assess-answer-open = { $open ->
    [one] Answer the 1 question still open (don't know)
   *[other] Answer the { $open } questions still open (don't know)
}
assess-show-report = Show the report
assess-review-all = Review all answers
assess-all-answered = { $path } has an answer for every question.
assess-all-answered-dont-know = { $path } has an answer for every question, { $open } of them "Don't know".
assess-review-help = Review walks through every question with your answers preselected
assess-stopped-saved = Stopped: { $coverage }. Saved in { $path }.
    Resume with:
assess-answer-them-with = { $open ->
    [one] Answer it with:
   *[other] Answer them with:
}
assess-saved-rescore = Answers saved in { $path }
    Re-score them, e.g. in CI:
assess-summary = Summary
assess-summary-stage = Overall stage: { $stage }, score { $score }
assess-summary-no-stage = Overall stage: none, as no question has a stage answer
assess-summary-first-action = First next action: { $action } ({ $dimension })

## Workshop sessions (cxm workshop, and reports of its session files)

label-participants = Participants
session-heading-scores = Participants' own dimension scores
session-heading-disagree = Discussion list: where the room disagreed, least agreement first
session-all-agree = In its blind votes the room was never 2 or more stages apart nor split.
agreement-rounds = { $rounds ->
    [one] { $rounds } round
   *[other] { $rounds } rounds
}
html-session-heading-disagree = Discussion list: where the room disagreed
html-session-disagree-explained = Questions the room was 2 or more stages apart on, or agreed on less than mostly (consensus below { $threshold }), least agreement first, as the room voted blind before any discussion. Consensus is Leik's measure, 1 when everyone agrees.
html-column-voters = Who chose what
html-column-agreed-answer = Agreed answer
html-legend-band-participants = range of the { $respondents } participants' own scores

workshop-intro-title = { $title }: workshop
workshop-intro = { $questions ->
    [one] 1 question
   *[other] { $questions } questions
} in { $parts ->
    [one] 1 part
   *[other] { $parts } parts
}. For each question everyone votes in turn, blind: press the number of your option, ? for don't know or - for not applicable; the key is not shown. When all have voted, the votes are revealed and the room agrees on one answer.
    Every vote is saved at once in { $saved_in }. Esc goes back one question; Ctrl-C stops safely and the session can be resumed.
workshop-participants = Participants (names separated by commas):
workshop-participants-help = { $min } to { $max } people, e.g. Anna, Ben, Chris; they vote in this order
workshop-nothing-to-go-back = (nothing to go back to)
workshop-participants-first = Name the participants first; Ctrl-C stops.
workshop-nothing-saved = Stopped before the workshop began; nothing was saved.
workshop-vote-prompt = { $name }, your vote: { $keys }, ? = don't know, - = not applicable
workshop-votes = The votes
workshop-votes-round = The votes, round { $round }
workshop-group-answer = Group answer { $answer }
workshop-no-group-answer = No group answer
workshop-spread = spread { $spread ->
    [one] 1 stage
   *[other] { $spread } stages
}
workshop-consensus = consensus { $consensus }, { $word }
workshop-no-stage-votes = no stage votes
workshop-discuss = Discuss: the room is far apart. Talk it through, then vote again, or enter the answer the room agrees on.
workshop-rooms-answer = The room's answer:
workshop-vote-again = Vote again (blind)
workshop-agree-help-discuss = Discuss, then vote again or choose what the room agrees on · Esc: previous question
workshop-agree-help = Enter confirms · choose another answer if the room agrees on it · Esc: previous question
workshop-note = Note (why this answer):
workshop-note-help = Enter to skip · Esc returns to the answer
workshop-note-back = (back to the answer)
workshop-resuming = Resuming { $path }: { $agreed } of { $questions ->
    [one] 1 question
   *[other] { $questions } questions
} agreed. Esc goes back one question; Ctrl-C stops safely.
workshop-all-agreed = { $path } has an agreed answer for every question.
workshop-go-through = Go through every question again
workshop-go-through-help = Going through shows each question's votes; vote again or change the answer
workshop-stopped = Stopped: { $agreed } of { $questions ->
    [one] 1 question
   *[other] { $questions } questions
} agreed. Every vote is saved in { $path }.
    Resume with:
workshop-on-signal = Stopped by { $signal }. Every vote so far is saved in { $path }. Resume with:
    { $command }
workshop-saved = Session saved in { $path }
    The report for the client:
workshop-on-signal-nothing-saved = Stopped by { $signal } before the workshop began; nothing was saved.
