import { useMemo, useState, type ComponentProps } from "react";
import { Box, List, ListItemButton, ListItemText, Typography } from "@mui/material";
import { GraphiQL } from "graphiql";
import "graphiql/style.css";
import { Title, useTranslate } from "react-admin";
import { todayInJakarta } from "../common/dates";
import { GRAPHQL_PATH, authenticatedFetch } from "../providers/session";
import { exampleQueries, type ExampleQuery } from "./examples";

type Fetcher = ComponentProps<typeof GraphiQL>["fetcher"];

// Sends the signed-in user's token, and refreshes it when it has expired, as the back-office does.
const fetcher: Fetcher = async (params) => {
  const response = await authenticatedFetch(GRAPHQL_PATH, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify(params),
  });
  return response.json();
};

/**
 * The API explorer for auditors: GraphiQL bundled with the app (no CDN: the back-office runs on
 * networks without internet), the schema's documentation, and saved example queries.
 */
const ExplorerPage = () => {
  const translate = useTranslate();
  const examples = useMemo(() => exampleQueries(todayInJakarta()), []);
  const [chosen, setChosen] = useState<ExampleQuery>(examples[0]!);
  return (
    <Box sx={{ display: "flex", flexDirection: { xs: "column", md: "row" }, gap: 1, height: "calc(100vh - 5rem)", mt: 1 }} data-testid="explorer">
      <Title title={translate("app.explorer.title")} />
      <Box sx={{ width: { md: "16rem" }, flexShrink: 0 }}>
        <Typography variant="subtitle2" sx={{ px: 2, pt: 1 }}>
          {translate("app.explorer.examples")}
        </Typography>
        <List dense>
          {examples.map((example) => (
            <ListItemButton
              key={example.id}
              selected={example.id === chosen.id}
              onClick={() => setChosen(example)}
              data-testid={`example-${example.id}`}
            >
              <ListItemText primary={translate(`app.explorer.example.${example.id}`)} />
            </ListItemButton>
          ))}
        </List>
      </Box>
      <Box sx={{ flex: 1, minHeight: "30rem", border: 1, borderColor: "divider" }}>
        {/* A new editor per example: GraphiQL takes its query and variables when it mounts. */}
        <GraphiQL
          key={chosen.id}
          fetcher={fetcher}
          query={chosen.query}
          variables={chosen.variables ? JSON.stringify(chosen.variables, null, 2) : ""}
          isHeadersEditorEnabled={false}
          shouldPersistHeaders={false}
        />
      </Box>
    </Box>
  );
};

export default ExplorerPage;
