import { Button, Dialog, DialogActions, DialogBody, DialogContent, DialogSurface, DialogTitle, DialogTrigger, makeStyles, tokens } from "@fluentui/react-components";
import { GLOSSARY } from "./glossaryTerms";

const useStyles = makeStyles({
  list: { margin: 0, display: "flex", flexDirection: "column", rowGap: tokens.spacingVerticalS },
  term: { fontWeight: tokens.fontWeightSemibold },
  meaning: { margin: 0, color: tokens.colorNeutralForeground2 },
  surface: { maxWidth: "min(560px, calc(100vw - 24px))", boxSizing: "border-box" },
  content: { maxHeight: "65vh", overflowY: "auto" },
});

/** Help: the glossary of the words the pane uses. */
export function GlossaryButton() {
  const s = useStyles();
  return (
    <Dialog>
      <DialogTrigger disableButtonEnhancement>
        <Button size="small" appearance="subtle">
          Help
        </Button>
      </DialogTrigger>
      <DialogSurface className={s.surface} aria-label="Glossary">
        <DialogBody>
          <DialogTitle>Glossary</DialogTitle>
          <DialogContent className={s.content} tabIndex={0}>
            <dl className={s.list}>
              {GLOSSARY.map((g) => (
                <div key={g.term}>
                  <dt className={s.term}>{g.term}</dt>
                  <dd className={s.meaning}>{g.meaning}</dd>
                </div>
              ))}
            </dl>
          </DialogContent>
          <DialogActions>
            <DialogTrigger disableButtonEnhancement>
              <Button appearance="primary">Close</Button>
            </DialogTrigger>
          </DialogActions>
        </DialogBody>
      </DialogSurface>
    </Dialog>
  );
}
