import { Button, Menu, MenuButton, MenuItemRadio, MenuList, MenuPopover, MenuTrigger, Tab, TabList, makeStyles, tokens } from "@fluentui/react-components";
import { useEnv, useStudio } from "../store/root";
import { goBack, goTo } from "./navigate";
import type { PaneView } from "./registry";
import { NARROW_NAV, WIDE } from "../ui/styles";

const useStyles = makeStyles({
  // Exactly one of the two shows in a browser (container queries on the pane's width, no default either way).
  narrow: { display: "flex", alignItems: "center", gap: tokens.spacingHorizontalS, flexWrap: "wrap", [WIDE]: { display: "none" } },
  wide: { flexDirection: "column", rowGap: tokens.spacingVerticalS, [NARROW_NAV]: { display: "none" } },
  tabs: { minWidth: 0 },
  tab: { justifyContent: "flex-start", textAlign: "left" },
  menu: { minWidth: 0, maxWidth: "100%" },
  back: { [WIDE]: { alignSelf: "flex-start" } },
});

/** The views: a menu in a narrow pane, a list down the side in a wide one; and back to the previous view. */
export function Nav({ views }: { views: readonly PaneView[] }) {
  const s = useStyles();
  const env = useEnv();
  const current = useStudio((x) => x.shell.view);
  const back = useStudio((x) => x.shell.back[x.shell.back.length - 1] ?? null);
  const shown = useStudio((x) => views.filter((v) => !v.available || v.available(x)).map((v) => v.id).join("|"));
  const list = views.filter((v) => shown.split("|").includes(v.id));
  const label = (id: string | null) => views.find((v) => v.id === id)?.label ?? "";
  const backButton = back !== null && (
    <Button size="small" appearance="subtle" className={s.back} onClick={() => goBack(env)} aria-label={`Back to ${label(back)}`}>
      ← {label(back)}
    </Button>
  );
  return (
    <nav aria-label="Views">
      <div className={s.narrow}>
        <Menu checkedValues={{ view: [current] }} onCheckedValueChange={(_, d) => d.checkedItems[0] && goTo(env, d.checkedItems[0])}>
          <MenuTrigger disableButtonEnhancement>
            <MenuButton appearance="primary" size="small" className={s.menu} data-testid="view-menu" aria-label={`View: ${label(current)}. Choose another view`}>
              {label(current)}
            </MenuButton>
          </MenuTrigger>
          <MenuPopover>
            <MenuList data-testid="view-menu-list">
              {list.map((v) => (
                <MenuItemRadio key={v.id} name="view" value={v.id} secondaryContent={undefined}>
                  {v.label}
                </MenuItemRadio>
              ))}
            </MenuList>
          </MenuPopover>
        </Menu>
        {backButton}
      </div>
      <div className={s.wide}>
        <TabList data-testid="view-tabs" vertical size="small" className={s.tabs} selectedValue={current} onTabSelect={(_, d) => goTo(env, String(d.value))} aria-label="Views">
          {list.map((v) => (
            <Tab key={v.id} value={v.id} className={s.tab} title={v.hint}>
              {v.label}
            </Tab>
          ))}
        </TabList>
        {backButton}
      </div>
    </nav>
  );
}
