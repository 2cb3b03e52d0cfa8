// The broken builds the fault run must catch: each is a small text change to the sources, written
// as the defect a hurried change could bring in.
export const MUTANTS = [
  {
    name: 'update-sends-nothing',
    says: 'rename and region changes send nothing and report success',
    expect: 'fail',
    changes: [{
      file: 'src/graph/connectorGroupsApi.ts',
      from: "const { body: updated } = await this.http.send('PATCH', groupPath(group.id), body);",
      to: 'const updated: unknown = undefined;',
    }],
  },
  {
    name: 'create-throws-type-error',
    says: 'creating a group throws a TypeError',
    expect: 'fail',
    changes: [{
      file: 'src/operations/groupOperations.ts',
      from: '  const { api } = contents.tenant;\n  let created: ConnectorGroup | undefined;',
      to: "  const { api } = contents.tenant;\n  if (input.name) throw new TypeError(\"Cannot read properties of undefined (reading 'id')\");\n  let created: ConnectorGroup | undefined;",
    }],
  },
  {
    name: 'assign-not-sent',
    says: 'assigning applications sends nothing and reports them assigned',
    expect: 'fail',
    changes: [
      {
        file: 'src/graph/connectorGroupsApi.ts',
        from: '    await this.http.send(step.method, step.path, step.body);',
        to: '    void step;',
      },
      {
        file: 'src/graph/connectorGroupsApi.ts',
        from: '    return this.http.batch(unique(applicationIds).map((id) => this.assignStep(id, groupId)));',
        to: '    return new Map(unique(applicationIds).map((id) => [id, { id, ok: true as const, status: 204, body: groupId ? undefined : undefined }]));',
      },
    ],
  },
  {
    name: 'move-reports-wrong-items',
    says: 'moving several connectors sends only the first and reports all of them moved',
    expect: 'fail',
    changes: [
      { file: 'src/operations/relocation.ts', from: '    : api.moveConnectors(ids, groupId),', to: '    : api.moveConnectors(ids.slice(0, 1), groupId),' },
      { file: 'src/operations/relocation.ts', from: '    if (outcome?.ok) result.moved.push(id);', to: '    if (!outcome || outcome.ok) result.moved.push(id);' },
    ],
  },
  {
    name: 'delete-never-reads-back',
    says: "a delete whose answer was lost is reported failed without reading back (and a repeat's 404 taken as failure)",
    expect: 'fail',
    changes: [
      {
        file: 'src/operations/groupOperations.ts',
        from: "    await api.deleteGroup(group.id);\n  } catch (error) {\n    if (!mayHaveTakenEffect(error)) throw error;",
        to: "    await api.deleteGroup(group.id);\n  } catch (error) {\n    if (error) throw error;",
      },
      {
        file: 'src/graph/retryPolicy.ts',
        from: "  return error instanceof GraphRequestError && error.repeated && error.request.method.toUpperCase() === 'DELETE' && error.status === 404;",
        to: '  return error instanceof GraphRequestError && false;',
      },
    ],
  },
];
